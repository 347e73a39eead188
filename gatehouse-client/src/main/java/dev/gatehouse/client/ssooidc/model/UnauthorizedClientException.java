package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code UnauthorizedClientException} ({@code unauthorized_client}, HTTP 400: the client is not registered for this grant). */
public final class UnauthorizedClientException extends SsoOidcServiceException {
    public UnauthorizedClientException(ErrorDetails details) {
        super(details);
    }
}
