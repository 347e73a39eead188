package dev.gatehouse.server.http;

import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/**
 * One API operation: reads its typed input from the exchange, calls the domain, and returns the
 * response it should get. Runs on a virtual thread, so it may block (on the store, on a group
 * commit). Domain errors it throws become AWS error responses in {@link ApiDispatcher}.
 */
@FunctionalInterface
public interface ApiOperation {
    WireResponse handle(HttpServerExchange exchange);
}
