package dev.gatehouse.server.portal;

import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /logout} — Logout. Ends the caller's sign-in session; the 200 goes out only after the
 * end of the session is durable. The body is ignored (SDKs send none, some send {@code {}}).
 */
public final class LogoutHandler implements ApiOperation {
    private final AccessPortal portal;
    private final PortalAuthenticator auth;

    public LogoutHandler(AccessPortal portal, PortalAuthenticator auth) {
        this.portal = portal;
        this.auth = auth;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        portal.logout(auth.authenticate(exchange));
        return WireResponse.emptyOk();
    }
}
