package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InternalServerException} ({@code server_error}, HTTP 500, a server fault: retried before it surfaces). */
public final class InternalServerException extends SsoOidcServiceException {
    public InternalServerException(ErrorDetails details) {
        super(details);
    }
}
