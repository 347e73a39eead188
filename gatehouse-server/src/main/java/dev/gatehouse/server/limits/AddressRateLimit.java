package dev.gatehouse.server.limits;

import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.ErrorFormat;
import io.undertow.server.HttpHandler;
import java.net.InetAddress;

/** Per-client-address rate limit, checked on the I/O thread before any other work. */
public final class AddressRateLimit {
    private final KeyedRateLimiter<InetAddress> limiter;

    public AddressRateLimit(RateLimit limit) {
        this.limiter = new KeyedRateLimiter<>(limit);
    }

    /** Guards an access-portal route. */
    public HttpHandler guard(HttpHandler next) {
        return guard(next, AwsErrors.FORMAT);
    }

    /** Guards a route, answering in its API's error format. */
    public HttpHandler guard(HttpHandler next, ErrorFormat errors) {
        return exchange -> {
            if (!limiter.tryAcquire(exchange.getSourceAddress().getAddress())) {
                errors.send(exchange, ErrorCode.TOO_MANY_REQUESTS, "Rate exceeded for your address; slow down and retry");
                return;
            }
            next.handleRequest(exchange);
        };
    }
}
