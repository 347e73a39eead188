package dev.gatehouse.server.http;

import dev.gatehouse.server.wire.WireHeaders;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every response an {@code x-amzn-RequestId}, as AWS services do. */
public final class RequestIds implements HttpHandler {
    private final HttpHandler next;

    public RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        exchange.getResponseHeaders().put(WireHeaders.REQUEST_ID, new UUID(high, low).toString());
        next.handleRequest(exchange);
    }

    public static String of(HttpServerExchange exchange) {
        return exchange.getResponseHeaders().getFirst(WireHeaders.REQUEST_ID);
    }
}
