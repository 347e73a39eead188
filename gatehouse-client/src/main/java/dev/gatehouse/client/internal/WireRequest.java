package dev.gatehouse.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request of an operation, before it meets an endpoint: method, path, query, headers and
 * body. {@code retrySafe} says whether the request may be sent again after it may have reached the
 * service (a broken connection, a timeout); see {@link dev.gatehouse.client.RetryPolicy}.
 * {@code toString} shows the operation, method and path only — headers carry tokens.
 */
public final class WireRequest {
    private final String operation;
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean retrySafe;

    private WireRequest(Builder b) {
        this.operation = b.operation;
        this.method = b.method;
        this.path = b.path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.retrySafe = b.retrySafe;
    }

    public static Builder get(String operation, String path) {
        return new Builder(operation, "GET", path);
    }

    public static Builder post(String operation, String path) {
        return new Builder(operation, "POST", path);
    }

    public String operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null for none (no Content-Type, Content-Length 0 on a POST). */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    public boolean retrySafe() {
        return retrySafe;
    }

    /** The full URI on this endpoint: its path (if any) then the operation's path, then the query (RFC 3986 encoded). */
    public URI uriOn(URI endpoint) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder uri = new StringBuilder(base).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    @Override
    public String toString() {
        return operation + " (" + method + " " + path + ")";
    }

    public static final class Builder {
        private final String operation;
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean retrySafe = true;

        private Builder(String operation, String method, String path) {
            this.operation = Objects.requireNonNull(operation);
            this.method = Objects.requireNonNull(method);
            this.path = Objects.requireNonNull(path);
        }

        /** A query parameter; a null value is left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /** A JSON object body (null members left out), with {@code Content-Type: application/json}. */
        public Builder jsonBody(Map<String, ?> members) {
            this.body = JsonObject.write(members);
            return header("Content-Type", "application/json");
        }

        public Builder retrySafe(boolean retrySafe) {
            this.retrySafe = retrySafe;
            return this;
        }

        public WireRequest build() {
            return new WireRequest(this);
        }
    }
}
