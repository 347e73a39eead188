package dev.gatehouse.server.http;

import io.undertow.server.HttpServerExchange;

/**
 * One API operation: reads its typed input from the exchange, calls the domain, writes the
 * response. Runs on a virtual thread, so it may block (on the store, on a group commit). Domain
 * errors it throws become AWS error responses in {@link ApiDispatcher}.
 */
@FunctionalInterface
public interface ApiOperation {
    void handle(HttpServerExchange exchange);
}
