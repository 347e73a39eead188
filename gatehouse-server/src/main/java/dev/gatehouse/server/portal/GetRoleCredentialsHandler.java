package dev.gatehouse.server.portal;

import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.QueryParams;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.PortalWire;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/** {@code GET /federation/credentials?role_name=&account_id=} — GetRoleCredentials. */
public final class GetRoleCredentialsHandler implements ApiOperation {
    private final AccessPortal portal;
    private final PortalAuthenticator auth;

    public GetRoleCredentialsHandler(AccessPortal portal, PortalAuthenticator auth) {
        this.portal = portal;
        this.auth = auth;
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        String roleName = QueryParams.required(exchange, "role_name", "roleName");
        String accountId = QueryParams.required(exchange, "account_id", "accountId");
        Caller caller = auth.authenticate(exchange);
        return Json.ok(PortalWire.credentials(portal.getRoleCredentials(caller, accountId, roleName)));
    }
}
