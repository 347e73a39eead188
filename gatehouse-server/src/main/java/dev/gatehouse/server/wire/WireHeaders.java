package dev.gatehouse.server.wire;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** Header names of the AWS wire protocols. */
public final class WireHeaders {
    /** The access token on every access-portal call (note the underscore). */
    public static final HttpString SSO_BEARER_TOKEN = HttpString.tryFromString("x-amz-sso_bearer_token");
    public static final HttpString ERROR_TYPE = HttpString.tryFromString("x-amzn-ErrorType");
    public static final HttpString REQUEST_ID = HttpString.tryFromString("x-amzn-RequestId");
    public static final HttpString RETRY_AFTER = HttpString.tryFromString("Retry-After");

    private WireHeaders() {
    }

    /** The request's {@code Content-Type}, or null. */
    public static String contentType(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    }
}
