package dev.gatehouse.server.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code POST /} is shared: a request with an {@code X-Amz-Target} header is for the awsJson admin
 * APIs, any other for STS (awsQuery, which names its action in the body).
 */
public final class TargetOrAction implements HttpHandler {
    private final HttpHandler admin;
    private final HttpHandler sts;

    public TargetOrAction(HttpHandler admin, HttpHandler sts) {
        this.admin = admin;
        this.sts = sts;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestHeaders().contains(AdminTargets.TARGET)) {
            admin.handleRequest(exchange);
        } else {
            sts.handleRequest(exchange);
        }
    }
}
