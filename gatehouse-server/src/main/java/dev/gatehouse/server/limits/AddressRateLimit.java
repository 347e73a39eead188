package dev.gatehouse.server.limits;

import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.wire.ErrorFormat;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpHandler;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client-address rate limit, checked before any other work: on the I/O thread when the buckets
 * are in this process, on a virtual thread when they are shared (a check may wait for the store).
 */
public final class AddressRateLimit {
    private static final Logger LOG = LoggerFactory.getLogger(AddressRateLimit.class);

    private final KeyedRateLimiter limiter;
    private final ClientAddresses clientAddresses;
    private final Executor executor;
    private final Counter limited;

    /** {@code limited} counts the requests turned away. */
    public AddressRateLimit(RateLimit limit, RateLimitBuckets buckets, ClientAddresses clientAddresses,
                            Executor executor, Counter limited) {
        this.limiter = new KeyedRateLimiter("address", limit, buckets);
        this.clientAddresses = clientAddresses;
        this.executor = executor;
        this.limited = limited;
    }

    /** Guards a route, answering in its API's error format. */
    public HttpHandler guard(HttpHandler next, ErrorFormat errors) {
        HttpHandler check = exchange -> {
            if (!limiter.tryAcquire(clientAddresses.of(exchange))) {
                limited.increment();
                errors.send(exchange, ErrorCode.TOO_MANY_REQUESTS, "Rate exceeded for your address; slow down and retry");
                return;
            }
            next.handleRequest(exchange);
        };
        if (!limiter.mayBlock()) {
            return check;
        }
        // a plain task, not a handler: Undertow would end the exchange when a dispatched handler
        // returns, while the operation behind this guard answers later from the I/O thread
        return exchange -> exchange.dispatch(executor, () -> {
            try {
                check.handleRequest(exchange);
            } catch (Exception e) {
                LOG.error("{} {}: the address limit check failed", exchange.getRequestMethod(),
                        exchange.getRequestPath(), e);
                exchange.setStatusCode(500);
                exchange.endExchange();
            }
        });
    }
}
