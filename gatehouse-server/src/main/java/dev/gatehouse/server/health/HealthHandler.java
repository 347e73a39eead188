package dev.gatehouse.server.health;

import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.server.wire.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 while the service can serve, 503 with the short reason while it cannot
 * ({@code PostgreSQL unreachable}); the store's full reason, with the driver's words, goes to the log
 * when it changes, never into the answer.
 */
public final class HealthHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final GatehouseStore store;
    private final AtomicReference<String> lastLogged = new AtomicReference<>();

    public HealthHandler(GatehouseStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Optional<String> problem = store.unavailableReason();
        String previous = lastLogged.getAndSet(problem.orElse(null));
        if (problem.isPresent()) {
            if (!Objects.equals(previous, problem.get())) {
                LOG.warn("Unavailable: {}", problem.get());
            }
            Json.response(503, new Health("unavailable", shortReason(problem.get()))).writeTo(exchange);
        } else {
            Json.ok(new Health("ok", null)).writeTo(exchange);
        }
    }

    /** The cause the store names first, without the details after ": ". */
    static String shortReason(String reason) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    private record Health(String status, String reason) {
    }
}
