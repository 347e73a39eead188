package dev.gatehouse.server.pages;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;

/** The {@code Retry-After} header of a page's 429: the wait in whole seconds, rounded up, at least 1. */
final class RetryAfter {
    private RetryAfter() {
    }

    /** A client that waits this long may try again. */
    static void set(HttpServerExchange exchange, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds));
    }
}
