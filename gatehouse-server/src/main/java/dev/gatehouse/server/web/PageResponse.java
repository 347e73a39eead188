package dev.gatehouse.server.web;

import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Objects;

/**
 * What a page handler answers: a page or a 303 redirect, written with the {@link SecurityHeaders}
 * on the exchange's I/O thread. Cookies are set on the exchange with {@link Cookies} before it is
 * written.
 *
 * @param location the redirect target, or null for a page
 */
public record PageResponse(WireResponse response, String location) {
    private static final byte[] EMPTY = new byte[0];

    public PageResponse {
        Objects.requireNonNull(response, "response");
        if (location != null && (location.isEmpty() || location.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new IllegalArgumentException("Not a usable Location: " + location);
        }
    }

    public static PageResponse page(WireResponse page) {
        return new PageResponse(page, null);
    }

    /**
     * 303 See Other to {@code location}: a path on this service ("/portal"), or an absolute URL the
     * caller has already checked (a client's registered loopback redirect_uri).
     */
    public static PageResponse redirect(String location) {
        return new PageResponse(new WireResponse(303, "text/plain; charset=utf-8", EMPTY, null), location);
    }

    public int status() {
        return response.status();
    }

    public void writeTo(HttpServerExchange exchange) {
        SecurityHeaders.apply(exchange.getResponseHeaders());
        if (location != null) {
            exchange.getResponseHeaders().put(Headers.LOCATION, location);
        }
        response.writeTo(exchange);
    }

    /** Writes the response on the exchange's I/O thread, from whatever thread made it. */
    public void writeOnIoThread(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            writeTo(exchange);
        } else {
            exchange.getIoThread().execute(() -> writeTo(exchange));
        }
    }
}
