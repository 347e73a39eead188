package dev.gatehouse.server.pages;

import io.undertow.server.HttpServerExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where to go after signing in: only paths on this service, never another site. */
final class LocalPaths {
    static final String PORTAL = "/portal";
    static final String SESSIONS = "/portal/sessions";

    private LocalPaths() {
    }

    /** {@code next} when it is a path on this service; otherwise the portal. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || next.length() > 4096) {
            return PORTAL;
        }
        return next;
    }

    /** The sign-in page, coming back to this request's own path and query afterwards. */
    static String signInThenBack(HttpServerExchange exchange) {
        String here = exchange.getRequestPath()
                + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString());
        return "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
