package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code SlowDownException} ({@code slow_down}, HTTP 400: polling too fast — add 5 s to the interval. Never retried by the client). */
public final class SlowDownException extends SsoOidcServiceException {
    public SlowDownException(ErrorDetails details) {
        super(details);
    }
}
