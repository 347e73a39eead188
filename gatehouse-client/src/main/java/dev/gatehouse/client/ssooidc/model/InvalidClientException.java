package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidClientException} ({@code invalid_client}, HTTP 401: the client id and secret do not match, or the registration expired). */
public final class InvalidClientException extends SsoOidcServiceException {
    public InvalidClientException(ErrorDetails details) {
        super(details);
    }
}
