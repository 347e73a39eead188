package dev.gatehouse.server.web;

import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.server.http.RequestIds;
import dev.gatehouse.server.http.RequestOrigins;
import dev.gatehouse.server.metrics.OutcomeTimer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page counterpart of {@code ApiDispatcher}: runs a {@link PageHandler} on a virtual thread and
 * writes what it returns on the I/O thread. A refused form becomes a message page with the form's
 * status; an unexpected failure is logged with the request id (never with headers or form fields,
 * which carry passwords and tokens) and answered with a 500 page. Times each page in
 * {@code gatehouse.pages} by status class. The page runs with its request's origin bound (request id,
 * client address, User-Agent), for the audit trail and the sessions and tokens it makes.
 */
public final class PageDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PageDispatcher.class);

    private final Pages pages;
    private final PageHandler handler;
    private final Executor executor;
    private final OutcomeTimer timer;
    private final RequestOrigins origins;

    public PageDispatcher(Pages pages, PageHandler handler, Executor executor, OutcomeTimer timer,
                          RequestOrigins origins) {
        this.origins = origins;
        this.pages = pages;
        this.handler = handler;
        this.executor = executor;
        this.timer = timer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, () -> run(exchange).writeOnIoThread(exchange));
        } else {
            // already on a worker (a guard before this one had to leave the I/O thread)
            run(exchange).writeOnIoThread(exchange);
        }
    }

    private PageResponse run(HttpServerExchange exchange) {
        long start = System.nanoTime();
        PageResponse response = origins.of(exchange).bind(() -> respond(exchange));
        timer.recordStatus(response.status(), start);
        return response;
    }

    private PageResponse respond(HttpServerExchange exchange) {
        try {
            return handler.handle(exchange);
        } catch (Forms.FormException e) {
            return pages.message(e.status(), "error", "Request not accepted", e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.warn("{} {} unavailable (request {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e.getMessage());
            return pages.unavailable();
        } catch (RuntimeException e) {
            LOG.error("{} {} failed (request {})", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e);
            return pages.internalError();
        }
    }
}
