package dev.gatehouse.server;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.health.HealthHandler;
import dev.gatehouse.server.http.ApiDispatcher;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.NotFoundHandlers;
import dev.gatehouse.server.limits.AddressRateLimit;
import dev.gatehouse.server.limits.LoadShedder;
import dev.gatehouse.server.portal.GetRoleCredentialsHandler;
import dev.gatehouse.server.portal.ListAccountRolesHandler;
import dev.gatehouse.server.portal.ListAccountsHandler;
import dev.gatehouse.server.portal.LogoutHandler;
import dev.gatehouse.server.portal.PortalAuthenticator;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import java.util.concurrent.Executor;

/** The route table: every path the service answers, and what guards it. */
final class Routes {
    private Routes() {
    }

    static RoutingHandler build(Gatehouse gatehouse, ServerSettings settings, Executor executor) {
        var portal = gatehouse.portal();
        var auth = new PortalAuthenticator(portal, settings.limits().perToken());
        var shedder = new LoadShedder(settings.limits().maxInFlight());
        var perAddress = new AddressRateLimit(settings.limits().perAddress());
        Api api = op -> shedder.guard(perAddress.guard(new ApiDispatcher(op, executor, settings.maxBodyBytes())));

        return new RoutingHandler()
                // access portal (service "sso", restJson1)
                .get("/federation/credentials", api.of(new GetRoleCredentialsHandler(portal, auth)))
                .get("/assignment/accounts", api.of(new ListAccountsHandler(portal, auth)))
                .get("/assignment/roles", api.of(new ListAccountRolesHandler(portal, auth)))
                .post("/logout", api.of(new LogoutHandler(portal, auth)))
                // operations
                .get("/health", new HealthHandler(gatehouse.store()))
                .setFallbackHandler(NotFoundHandlers.unknownPath())
                .setInvalidMethodHandler(NotFoundHandlers.wrongMethod());
    }

    /** Wraps an operation in load shedding, the per-address limit and the dispatch to a virtual thread. */
    @FunctionalInterface
    private interface Api {
        HttpHandler of(ApiOperation operation);
    }
}
