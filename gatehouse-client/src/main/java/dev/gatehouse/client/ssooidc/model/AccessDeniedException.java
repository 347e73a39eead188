package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code AccessDeniedException} ({@code access_denied}, HTTP 400: the person denied the request). */
public final class AccessDeniedException extends SsoOidcServiceException {
    public AccessDeniedException(ErrorDetails details) {
        super(details);
    }
}
