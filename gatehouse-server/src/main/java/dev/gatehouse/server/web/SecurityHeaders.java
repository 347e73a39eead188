package dev.gatehouse.server.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * The headers every page carries: no scripts, no framing, no referrer, nothing cached. Form posts
 * may go to this origin and to loopback addresses (where the CLI waits for the PKCE redirect).
 */
public final class SecurityHeaders implements HttpHandler {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'; base-uri 'none'";

    private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
    private static final HttpString FRAME_OPTIONS = HttpString.tryFromString("X-Frame-Options");
    private static final HttpString REFERRER_POLICY = HttpString.tryFromString("Referrer-Policy");
    private static final HttpString CACHE_CONTROL = HttpString.tryFromString("Cache-Control");
    private static final HttpString CONTENT_TYPE_OPTIONS = HttpString.tryFromString("X-Content-Type-Options");

    private final HttpHandler next;

    /** Wraps a handler so that whatever it writes (page, redirect, error) carries the headers. */
    public SecurityHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        apply(exchange.getResponseHeaders());
        next.handleRequest(exchange);
    }

    public static void apply(HeaderMap headers) {
        headers.put(CSP, CONTENT_SECURITY_POLICY);
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(REFERRER_POLICY, "no-referrer");
        headers.put(CACHE_CONTROL, "no-store");
        headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
    }
}
