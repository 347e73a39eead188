package dev.gatehouse.server.http;

import dev.gatehouse.server.wire.AwsErrors;
import io.undertow.server.HttpHandler;

/** Answers for requests that match no route: unknown paths and wrong methods. */
public final class NotFoundHandlers {
    private NotFoundHandlers() {
    }

    public static HttpHandler unknownPath() {
        return exchange -> AwsErrors.send(exchange, new AwsErrors.ErrorShape(404, "UnknownOperationException"),
                "No operation at " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
    }

    public static HttpHandler wrongMethod() {
        return exchange -> AwsErrors.send(exchange, new AwsErrors.ErrorShape(405, "MethodNotAllowedException"),
                "Method " + exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
    }
}
