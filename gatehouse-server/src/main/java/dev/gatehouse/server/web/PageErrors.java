package dev.gatehouse.server.web;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.ErrorFormat;
import dev.gatehouse.server.wire.WireResponse;
import java.util.Map;

/** The guards' answers on page routes (too many requests, a body too large) as a message page. */
public final class PageErrors implements ErrorFormat {
    private final Pages pages;

    public PageErrors(Pages pages) {
        this.pages = pages;
    }

    /** Pages follow the access portal's statuses, so their errors take its names. */
    @Override
    public String errorName(ErrorCode code) {
        return AwsErrors.shapeOf(code).type();
    }

    @Override
    public WireResponse response(ErrorCode code, String message, String requestId) {
        int status = AwsErrors.shapeOf(code).status();
        String title = status == 429 ? "Too many requests" : "Request not accepted";
        return pages.render(status, Pages.MESSAGE, Map.of("kind", "error", "title", title, "text", message));
    }

    @Override
    public WireResponse bodyTooLarge(String message, String requestId) {
        return pages.render(413, Pages.MESSAGE, Map.of("kind", "error", "title", "Request too large", "text", message));
    }

    @Override
    public WireResponse internal(String requestId) {
        return pages.internalError().response();
    }

    @Override
    public WireResponse unavailable(String requestId) {
        return pages.unavailable().response();
    }
}
