package dev.gatehouse.server.pages;

import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.server.web.Forms;
import io.undertow.server.HttpServerExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Query values of page requests, read leniently: a page shows what it can rather than an API error
 * (the query arrives undecoded, since Undertow's URL decoding is off). A value with a control
 * character or longer than {@value #MAX_LENGTH} characters is refused (a 400 page), so that it never
 * reaches the domain or the store.
 */
final class QueryValues {
    static final int MAX_LENGTH = 2048;

    private QueryValues() {
    }

    /** The first value of {@code name}, decoded; null when absent or not valid percent-encoding. */
    static String first(HttpServerExchange exchange, String name) {
        var values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value;
        try {
            value = URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new Forms.FormException(400, "The " + name + " parameter is longer than " + MAX_LENGTH + " characters");
        }
        if (!InputRules.isPrintable(value)) {
            throw new Forms.FormException(400, "The " + name + " parameter must not contain control characters");
        }
        return value;
    }
}
