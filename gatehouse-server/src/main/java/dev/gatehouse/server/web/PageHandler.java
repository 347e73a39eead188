package dev.gatehouse.server.web;

import io.undertow.server.HttpServerExchange;

/**
 * One page: reads the request (query, {@link Forms#read form}, cookies), calls the domain, and
 * returns the page or redirect to answer with. Runs on a virtual thread, so it may block.
 */
@FunctionalInterface
public interface PageHandler {
    PageResponse handle(HttpServerExchange exchange);
}
