package dev.gatehouse.server.web;

import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a page handler answers: a page or a 303 redirect, written with the {@link SecurityHeaders}
 * on the exchange's I/O thread. Cookies are set on the exchange with {@link Cookies} before it is
 * written.
 *
 * @param location the redirect target, or null for a page
 */
public record PageResponse(WireResponse response, String location) {
    private static final byte[] EMPTY = new byte[0];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public PageResponse {
        Objects.requireNonNull(response, "response");
        if (location != null && (location.isEmpty() || location.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new IllegalArgumentException("Not a usable Location: " + location);
        }
    }

    public static PageResponse page(WireResponse page) {
        return new PageResponse(page, null);
    }

    /**
     * 303 See Other to {@code location}: a path on this service ("/portal"), or an absolute URL the
     * caller has already checked (a client's registered loopback redirect_uri). Characters a URI may
     * not hold as they are (non-ASCII, space, quotes, brackets) are sent percent-encoded as UTF-8, so
     * the header is ASCII ("/été" goes out as "/%C3%A9t%C3%A9"); '%' and everything else stay as given.
     */
    public static PageResponse redirect(String location) {
        return new PageResponse(new WireResponse(303, "text/plain; charset=utf-8", EMPTY, null), uriCharacters(location));
    }

    static String uriCharacters(String location) {
        if (location == null || location.chars().allMatch(PageResponse::mayStayInUri)) {
            return location;
        }
        StringBuilder encoded = new StringBuilder(location.length() + 16);
        location.codePoints().forEach(c -> {
            if (mayStayInUri(c)) {
                encoded.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return encoded.toString();
    }

    /** Printable ASCII that RFC 3986 allows in a URI (reserved, unreserved, and '%'); controls stay for the check. */
    private static boolean mayStayInUri(int c) {
        return c < 0x20 || c == 0x7f || (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0);
    }

    public int status() {
        return response.status();
    }

    public void writeTo(HttpServerExchange exchange) {
        SecurityHeaders.apply(exchange.getResponseHeaders());
        if (location != null) {
            exchange.getResponseHeaders().put(Headers.LOCATION, location);
        }
        response.writeTo(exchange);
    }

    /** Writes the response on the exchange's I/O thread, from whatever thread made it. */
    public void writeOnIoThread(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            writeTo(exchange);
        } else {
            exchange.getIoThread().execute(() -> writeTo(exchange));
        }
    }
}
