package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} (UTF-8; '+' is a space), as STS's query parameters and
 * the pages' forms arrive. A name or value with a control character is refused here, before
 * anything looks it up or stores it.
 */
public final class UrlEncodedForm {
    /** The most fields accepted. */
    public static final int MAX_FIELDS = 200;

    private UrlEncodedForm() {
    }

    /**
     * The fields, first value of each name, in the order they came.
     *
     * @throws GatehouseException an invalid request: malformed, too many fields, or a control character
     */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.length == 0) {
            return Collections.unmodifiableMap(fields);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        int count = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw GatehouseException.invalidRequest("A form may have at most " + MAX_FIELDS + " fields");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!InputRules.isPrintable(name)) {
                throw GatehouseException.invalidRequest("A form field name contains a control character");
            }
            if (!InputRules.isPrintable(value)) {
                throw InvalidMemberException.notPrintable(name);
            }
            fields.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatehouseException.invalidRequest("Malformed form body");
        }
    }
}
