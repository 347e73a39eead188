package dev.gatehouse.server.sigv4;

import dev.gatehouse.domain.credentials.SigV4;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SigV4 canonical request rebuilt from the request exactly as it arrived: method, canonical URI
 * (the path normalised and URI-encoded once more, as the SDKs do for every service but S3),
 * canonical query string, the signed headers (values trimmed, inner runs of spaces made one,
 * repeated headers joined with commas), the signed header list, and the payload hash
 * ({@code X-Amz-Content-SHA256} when sent, otherwise the SHA-256 of the body).
 */
final class CanonicalRequest {
    private static final HttpString CONTENT_SHA256 = HttpString.tryFromString("X-Amz-Content-SHA256");

    private CanonicalRequest() {
    }

    static String of(HttpServerExchange exchange, byte[] body, List<String> signedHeaders) {
        String payloadHash = exchange.getRequestHeaders().getFirst(CONTENT_SHA256);
        return exchange.getRequestMethod().toString() + "\n"
                + uri(exchange.getRequestPath()) + "\n"
                + query(exchange.getQueryString()) + "\n"
                + headers(exchange, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + (payloadHash != null ? payloadHash : SigV4.sha256Hex(body));
    }

    /** Removes "." and ".." segments, then encodes each segment as the SDKs do (a '%' becomes %25). */
    static String uri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String segment = parts[i];
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.equals(".") && !(segment.isEmpty() && i < parts.length - 1)) {
                segments.addLast(segment);
            }
        }
        String path = segments.stream().map(CanonicalRequest::encode).collect(Collectors.joining("/"));
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Each name and value decoded, then encoded per RFC 3986; sorted by name, then value. */
    static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.equals("X-Amz-Signature")) {
                pairs.add(new String[] {encode(name), encode(value)});
            }
        }
        return pairs.stream()
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
    }

    private static String headers(HttpServerExchange exchange, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            HeaderValues values = exchange.getRequestHeaders().get(name);
            String joined = values == null ? "" : values.stream()
                    .map(v -> v.strip().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(","));
            out.append(name).append(':').append(joined).append('\n');
        }
        return out.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // signed as sent; a mismatch follows
        }
    }

    /** RFC 3986: unreserved characters kept, every other byte of the UTF-8 form as %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
