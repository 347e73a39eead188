package dev.gatehouse.server.portal;

import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.PortalWire;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/** {@code GET /assignment/accounts?next_token=&max_result=} — ListAccounts. */
public final class ListAccountsHandler implements ApiOperation {
    private final AccessPortal portal;
    private final PortalAuthenticator auth;

    public ListAccountsHandler(AccessPortal portal, PortalAuthenticator auth) {
        this.portal = portal;
        this.auth = auth;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        PageRequest page = PageParams.read(exchange);
        Caller caller = auth.authenticate(exchange);
        return Json.ok(PortalWire.accounts(portal.listAccounts(caller, page)));
    }
}
