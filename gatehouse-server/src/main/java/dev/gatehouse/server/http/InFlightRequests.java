package dev.gatehouse.server.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests being served, so that a stop can wait for them. Once stopping, each answer
 * closes its connection, so that kept-alive connections bring no more requests. Served as the gauge
 * {@code gatehouse.requests.in_flight} (every route, {@code /health} and {@code /metrics} included).
 */
public final class InFlightRequests implements HttpHandler, MeterBinder {
    private final HttpHandler next;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    public InFlightRequests(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        inFlight.incrementAndGet();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            inFlight.decrementAndGet();
            nextListener.proceed();
        });
        exchange.addResponseCommitListener(answered -> {
            if (stopping) {
                answered.setPersistent(false);
            }
        });
        next.handleRequest(exchange);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gatehouse.requests.in_flight", inFlight, AtomicInteger::get)
                .description("Requests being served (every route)")
                .register(registry);
    }

    public int count() {
        return inFlight.get();
    }

    /**
     * From now on no connection is kept after its answer; waits up to {@code grace} for the requests
     * in flight to finish.
     *
     * @return how many had not finished
     */
    public int stopAndAwait(Duration grace) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return inFlight.get();
    }
}
