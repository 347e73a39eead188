package dev.gatehouse.server.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.DateUtils;
import io.undertow.util.Headers;
import java.time.InstantSource;
import java.util.Date;

/**
 * Dates the response by the service's clock, the one signatures are checked against. The SDKs
 * correct their own clock from the {@code Date} of a clock-skew error and retry, so the two must
 * agree (Undertow would otherwise date it by the system clock; in production they are the same).
 */
public final class ServiceDate implements HttpHandler {
    private final InstantSource clock;
    private final HttpHandler next;

    public ServiceDate(InstantSource clock, HttpHandler next) {
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders().put(Headers.DATE, DateUtils.toDateString(Date.from(clock.instant())));
        next.handleRequest(exchange);
    }
}
