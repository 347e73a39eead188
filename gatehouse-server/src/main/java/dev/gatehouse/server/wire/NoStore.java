package dev.gatehouse.server.wire;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache} on every answer of an operation whose
 * answers carry a token or a credential (RFC 6749 §5.1): RegisterClient's client secret,
 * StartDeviceAuthorization's device code, CreateToken's tokens, GetRoleCredentials' keys. Set before
 * the operation's guards run, so that its error answers (a 429 included) carry them too.
 */
public final class NoStore implements HttpHandler {
    private final HttpHandler next;

    private NoStore(HttpHandler next) {
        this.next = next;
    }

    public static HttpHandler of(HttpHandler next) {
        return new NoStore(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        addHeaders(exchange);
        next.handleRequest(exchange);
    }

    /** The two headers, for a route shared by several operations (the admin targets) that knows its operation late. */
    public static void addHeaders(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(Headers.PRAGMA, "no-cache");
    }
}
