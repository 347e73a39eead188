package dev.gatehouse.server.sts;

import dev.gatehouse.server.wire.StsWire.QueryRequest;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;

/** One STS action, given its already-read parameters; runs on a virtual thread like any API operation. */
@FunctionalInterface
public interface StsOperation {
    WireResponse handle(HttpServerExchange exchange, QueryRequest request);
}
