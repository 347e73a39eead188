package dev.gatehouse.server.http;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Duration;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSourceChannel;

/**
 * Keeps a request body from holding its exchange open. Undertow ends an exchange only after reading
 * the rest of the body, and sends an empty answer (a redirect, Logout's 200) only then; a client that
 * declares a body and never sends it would hold its load-shedding slot until it hangs up. So every
 * request with a body gets a deadline for it ({@link RequestBody} reads until then), and when the
 * answer goes out with the body still unread — a route that reads none, a reader that gave up — what
 * has arrived is dropped and, if more is due, the connection is closed after the answer instead of
 * waiting for it.
 */
public final class UnreadBodies implements HttpHandler {
    private final HttpHandler next;
    private final Duration bodyTimeout;

    public UnreadBodies(HttpHandler next, Duration bodyTimeout) {
        this.next = next;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isRequestComplete()) {
            RequestBody.deadline(exchange, System.nanoTime() + bodyTimeout.toNanos());
            exchange.addResponseCommitListener(UnreadBodies::settle);
            // runs first thing in endExchange, before Undertow waits for the rest of the body
            exchange.addDefaultResponseListener(ended -> {
                settle(ended);
                return false;
            });
        }
        next.handleRequest(exchange);
    }

    /**
     * Drops what has arrived of an unread body; if more is due (or it is malformed), the request is
     * ended here and the connection closed after the answer, so that Undertow does not wait for the rest.
     */
    private static void settle(HttpServerExchange exchange) {
        if (exchange.isRequestComplete()) {
            return;
        }
        // null: a reader took the channel and stopped before the end
        StreamSourceChannel body = exchange.getRequestChannel();
        if (body != null) {
            try {
                while (Channels.drain(body, Long.MAX_VALUE) > 0) {
                    // what the client has sent so far
                }
                if (exchange.isRequestComplete()) {
                    return;
                }
            } catch (IOException e) {
                // malformed or cut off: the connection cannot be reused either
            }
        }
        exchange.setPersistent(false);
        Connectors.terminateRequest(exchange);
    }
}
