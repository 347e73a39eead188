package dev.gatehouse.server.pages;

import io.undertow.server.HttpServerExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Query values of page requests, read leniently: a page shows what it can rather than an API error
 * (the query arrives undecoded, since Undertow's URL decoding is off).
 */
final class QueryValues {
    private QueryValues() {
    }

    /** The first value of {@code name}, decoded; null when absent or not valid percent-encoding. */
    static String first(HttpServerExchange exchange, String name) {
        var values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
