package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidRedirectUriException} ({@code invalid_redirect_uri}, HTTP 400: a redirect URI is not allowed). */
public final class InvalidRedirectUriException extends SsoOidcServiceException {
    public InvalidRedirectUriException(ErrorDetails details) {
        super(details);
    }
}
