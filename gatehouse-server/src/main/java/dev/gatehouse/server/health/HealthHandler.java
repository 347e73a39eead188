package dev.gatehouse.server.health;

import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.server.wire.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;

/** {@code GET /health}: 200 while the service can serve, 503 with the reason while it cannot. */
public final class HealthHandler implements HttpHandler {
    private final GatehouseStore store;

    public HealthHandler(GatehouseStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Optional<String> problem = store.unavailableReason();
        if (problem.isPresent()) {
            Json.response(503, new Health("unavailable", problem.get())).writeTo(exchange);
        } else {
            Json.ok(new Health("ok", null)).writeTo(exchange);
        }
    }

    private record Health(String status, String reason) {
    }
}
