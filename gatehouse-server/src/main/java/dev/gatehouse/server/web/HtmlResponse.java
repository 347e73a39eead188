package dev.gatehouse.server.web;

import dev.gatehouse.server.wire.WireResponse;
import java.nio.charset.StandardCharsets;

/** A rendered page as a {@link WireResponse}, so that it is written on the I/O thread like any API response. */
public final class HtmlResponse {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private HtmlResponse() {
    }

    public static WireResponse of(int status, String html) {
        return new WireResponse(status, CONTENT_TYPE, html.getBytes(StandardCharsets.UTF_8), null);
    }
}
