package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidScopeException} ({@code invalid_scope}, HTTP 400: a scope is not valid). */
public final class InvalidScopeException extends SsoOidcServiceException {
    public InvalidScopeException(ErrorDetails details) {
        super(details);
    }
}
