package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code UnsupportedGrantTypeException} ({@code unsupported_grant_type}, HTTP 400: the grant type is not supported). */
public final class UnsupportedGrantTypeException extends SsoOidcServiceException {
    public UnsupportedGrantTypeException(ErrorDetails details) {
        super(details);
    }
}
