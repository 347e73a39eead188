package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidRequestException} ({@code invalid_request}, HTTP 400: a member is missing or malformed). */
public final class InvalidRequestException extends SsoOidcServiceException {
    public InvalidRequestException(ErrorDetails details) {
        super(details);
    }
}
