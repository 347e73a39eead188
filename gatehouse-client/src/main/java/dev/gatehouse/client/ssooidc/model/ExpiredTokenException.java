package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code ExpiredTokenException} ({@code expired_token}, HTTP 400: the device code or authorization code expired — start again). */
public final class ExpiredTokenException extends SsoOidcServiceException {
    public ExpiredTokenException(ErrorDetails details) {
        super(details);
    }
}
