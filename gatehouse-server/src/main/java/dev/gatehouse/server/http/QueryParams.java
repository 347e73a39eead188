package dev.gatehouse.server.http;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import io.undertow.server.HttpServerExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads query members with the checks the AWS validators make, naming the model member (and the
 * wire name) in every error; a value with a control character is refused as well, so that it never
 * reaches the domain or the store. Undertow leaves the query undecoded ({@code DECODE_URL} off), so that a
 * bad percent-escape is answered here as an InvalidRequestException rather than by the parser.
 */
public final class QueryParams {
    private static final int MAX_VALUE_LENGTH = 2048;

    private QueryParams() {
    }

    public static String required(HttpServerExchange exchange, String wireName, String member) {
        return optional(exchange, wireName, member)
                .orElseThrow(() -> InvalidMemberException.missing(member, "query parameter " + wireName));
    }

    public static Optional<String> optional(HttpServerExchange exchange, String wireName, String member) {
        Deque<String> values = exchange.getQueryParameters().get(wireName);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw GatehouseException.invalidRequest("Query parameter " + wireName + " (" + member
                    + ") was given " + values.size() + " times; give it once");
        }
        String value = decode(values.getFirst(), wireName, member);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(InputRules.bounded(member, value, MAX_VALUE_LENGTH));
    }

    public static Optional<Integer> optionalInt(HttpServerExchange exchange, String wireName, String member) {
        return optional(exchange, wireName, member).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw InvalidMemberException.wrongType(member, "an integer", value);
            }
        });
    }

    private static String decode(String raw, String wireName, String member) {
        if (raw.length() > 3 * MAX_VALUE_LENGTH) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatehouseException.invalidRequest("Query parameter " + wireName + " (" + member
                    + ") is not valid percent-encoding: " + printable(raw));
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
