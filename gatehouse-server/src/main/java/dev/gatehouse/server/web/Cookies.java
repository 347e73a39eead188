package dev.gatehouse.server.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;

/**
 * Reading and setting cookies. Every cookie set here is HttpOnly, has Path=/ and a SameSite mode,
 * and is Secure when the request came over TLS (directly, or through a proxy that says so with
 * {@code X-Forwarded-Proto: https}). Over TLS its name also carries the {@code __Host-} prefix (and it
 * has no Domain), so that a browser takes it only from this very host over TLS: a sibling subdomain
 * or a plain-HTTP answer cannot plant or overwrite it. Callers name cookies without the prefix;
 * reading and writing add it alike, and over TLS an unprefixed cookie is not read. The Set-Cookie
 * header is written here, not by Undertow, so that its exact form is ours and testable.
 */
public final class Cookies {
    private static final HttpString FORWARDED_PROTO = HttpString.tryFromString("X-Forwarded-Proto");
    private static final String HOST_PREFIX = "__Host-";

    public enum SameSite {
        /**
         * Sent on cross-site requests too (a SAML identity provider's form POST). Browsers keep such a
         * cookie only when it is Secure, so over plain HTTP it is set as {@link #LAX}.
         */
        NONE("None"),
        STRICT("Strict"), LAX("Lax");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }
    }

    private Cookies() {
    }

    /** The value of the first cookie called {@code name} (prefixed over TLS) in the request, or null. */
    public static String get(HttpServerExchange exchange, String name) {
        name = nameFor(exchange, name);
        HeaderValues headers = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * Adds a Set-Cookie header.
     *
     * @param maxAge how long the browser keeps it, or null for a session cookie
     */
    public static void set(HttpServerExchange exchange, String name, String value, SameSite sameSite, Duration maxAge) {
        checkName(name);
        checkValue(value);
        StringBuilder cookie = new StringBuilder(nameFor(exchange, name)).append('=').append(value).append("; Path=/");
        if (maxAge != null) {
            cookie.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        boolean tls = isTls(exchange);
        cookie.append("; HttpOnly; SameSite=").append(sameSite == SameSite.NONE && !tls ? SameSite.LAX.attribute
                : sameSite.attribute);
        if (tls) {
            cookie.append("; Secure");
        }
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie.toString());
    }

    /** Tells the browser to forget the cookie. */
    public static void clear(HttpServerExchange exchange, String name, SameSite sameSite) {
        set(exchange, name, "", sameSite, Duration.ZERO);
    }

    /** The name a cookie has on this request: {@code __Host-name} over TLS, else {@code name}. */
    public static String nameFor(HttpServerExchange exchange, String name) {
        return isTls(exchange) ? HOST_PREFIX + name : name;
    }

    /** Whether the request reached us over TLS, directly or through a TLS-terminating proxy. */
    public static boolean isTls(HttpServerExchange exchange) {
        if ("https".equalsIgnoreCase(exchange.getRequestScheme())) {
            return true;
        }
        String forwarded = exchange.getRequestHeaders().getFirst(FORWARDED_PROTO);
        return forwarded != null && forwarded.trim().equalsIgnoreCase("https");
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A cookie needs a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("Not a cookie name: " + name);
            }
        }
    }

    private static void checkValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // cookie-octet of RFC 6265: no controls, whitespace, DQUOTE, comma, semicolon or backslash
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("A cookie value may not contain '" + c + "'");
            }
        }
    }
}
