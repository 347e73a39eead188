package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;

/**
 * An /authorize error that goes back to the client on its (already validated) redirect URI, as
 * {@code ?error=...&error_description=...&state=...}, instead of being shown to the person.
 */
public final class RedirectableError extends GatehouseException {
    private final String redirectUri;
    private final String state;

    public RedirectableError(ErrorCode code, String message, String redirectUri, String state) {
        super(code, message);
        this.redirectUri = redirectUri;
        this.state = state;
    }

    public String redirectUri() {
        return redirectUri;
    }

    /** The client's state value, or null when it sent none. */
    public String state() {
        return state;
    }
}
