package dev.gatehouse.client.internal;

import java.net.http.HttpHeaders;

/** One HTTP response: status, headers (names case-insensitive) and the whole body. */
public record WireResponse(int status, HttpHeaders headers, byte[] body) {
    public static final String REQUEST_ID = "x-amzn-RequestId";

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String requestId() {
        return header(REQUEST_ID);
    }

    /** The body as a JSON object (empty body: empty object). */
    public JsonObject json() {
        return JsonObject.parse(body);
    }
}
