package dev.gatehouse.server.limits;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.ErrorFormat;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpHandler;
import java.util.concurrent.Semaphore;

/**
 * A bound on API requests in flight, shared by every route it guards. Past it, a request is answered
 * at once on the I/O thread (a 429 on the access portal, a slow_down on SSO OIDC) instead of
 * waiting in a queue until the client gives up.
 */
public final class LoadShedder {
    private final Semaphore inFlight;
    private final Counter shed;

    /** {@code shed} counts the requests answered at once. */
    public LoadShedder(int maxInFlight, Counter shed) {
        this.inFlight = new Semaphore(maxInFlight);
        this.shed = shed;
    }

    /** Guards an access-portal route. */
    public HttpHandler guard(HttpHandler next) {
        return guard(next, AwsErrors.FORMAT);
    }

    /** Guards a route, answering in its API's error format. */
    public HttpHandler guard(HttpHandler next, ErrorFormat errors) {
        return exchange -> {
            if (!inFlight.tryAcquire()) {
                shed.increment();
                errors.send(exchange, ErrorCode.TOO_MANY_REQUESTS, "The service is at capacity; retry shortly");
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
