package dev.gatehouse.server.limits;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.wire.AwsErrors;
import io.undertow.server.HttpHandler;
import java.util.concurrent.Semaphore;

/**
 * A bound on API requests in flight, shared by every route it guards. Past it, a request is answered
 * 429 at once on the I/O thread instead of waiting in a queue until the client gives up.
 */
public final class LoadShedder {
    private final Semaphore inFlight;

    public LoadShedder(int maxInFlight) {
        this.inFlight = new Semaphore(maxInFlight);
    }

    public HttpHandler guard(HttpHandler next) {
        return exchange -> {
            if (!inFlight.tryAcquire()) {
                AwsErrors.send(exchange, ErrorCode.TOO_MANY_REQUESTS, "The service is at capacity; retry shortly");
                return;
            }
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                inFlight.release();
                nextListener.proceed();
            });
            next.handleRequest(exchange);
        };
    }
}
