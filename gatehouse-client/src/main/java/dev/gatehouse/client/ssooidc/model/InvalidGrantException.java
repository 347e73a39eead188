package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidGrantException} ({@code invalid_grant}, HTTP 400: the code or refresh token is unknown, spent or its sign-in session ended). */
public final class InvalidGrantException extends SsoOidcServiceException {
    public InvalidGrantException(ErrorDetails details) {
        super(details);
    }
}
