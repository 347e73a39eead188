package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code AuthorizationPendingException} ({@code authorization_pending}, HTTP 400: the person has not approved the device code yet — keep polling). */
public final class AuthorizationPendingException extends SsoOidcServiceException {
    public AuthorizationPendingException(ErrorDetails details) {
        super(details);
    }
}
