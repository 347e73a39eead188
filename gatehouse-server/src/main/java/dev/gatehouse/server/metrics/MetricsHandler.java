package dev.gatehouse.server.metrics;

import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format. Rendered on a virtual thread,
 * off the I/O thread, and written back on it. Per instance: scrape each instance directly.
 */
public final class MetricsHandler implements HttpHandler {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final Executor executor;

    public MetricsHandler(ServerMetrics metrics, Executor executor) {
        this.metrics = metrics;
        this.executor = executor;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.dispatch(executor, () -> new WireResponse(200, CONTENT_TYPE,
                metrics.scrape().getBytes(StandardCharsets.UTF_8), null).writeOnIoThread(exchange));
    }
}
