package dev.gatehouse.server.wire;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/**
 * A complete response, made off the I/O thread and written on it. Writing on the connection's own
 * I/O thread keeps Undertow's buffer pool and read resumption thread-local (cheap); writing from a
 * virtual thread allocated a direct buffer and woke the selector on every request.
 *
 * @param errorType the {@code x-amzn-ErrorType} value, or null on success
 */
public record WireResponse(int status, String contentType, byte[] body, String errorType) {
    private static final byte[] EMPTY = new byte[0];

    public static WireResponse json(int status, byte[] body) {
        return new WireResponse(status, "application/json", body, null);
    }

    /** 200 with an empty body, for operations whose output is Unit (Logout). */
    public static WireResponse emptyOk() {
        return new WireResponse(200, "application/json", EMPTY, null);
    }

    public void writeTo(HttpServerExchange exchange) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        if (errorType != null) {
            exchange.getResponseHeaders().put(WireHeaders.ERROR_TYPE, errorType);
            if (status == 429 || status == 503) {
                exchange.getResponseHeaders().put(WireHeaders.RETRY_AFTER, "1");
            }
        }
        if (body.length == 0) {
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, "0");
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
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
