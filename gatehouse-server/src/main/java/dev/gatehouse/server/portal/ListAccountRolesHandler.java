package dev.gatehouse.server.portal;

import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.QueryParams;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.PortalWire;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/** {@code GET /assignment/roles?account_id=&next_token=&max_result=} — ListAccountRoles. */
public final class ListAccountRolesHandler implements ApiOperation {
    private final AccessPortal portal;
    private final PortalAuthenticator auth;

    public ListAccountRolesHandler(AccessPortal portal, PortalAuthenticator auth) {
        this.portal = portal;
        this.auth = auth;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        String accountId = QueryParams.required(exchange, "account_id", "accountId");
        PageRequest page = PageParams.read(exchange);
        Caller caller = auth.authenticate(exchange);
        return Json.ok(PortalWire.roles(portal.listAccountRoles(caller, accountId, page)));
    }
}
