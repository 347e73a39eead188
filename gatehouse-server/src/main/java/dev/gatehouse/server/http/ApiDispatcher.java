package dev.gatehouse.server.http;

import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.server.metrics.OutcomeTimer;
import dev.gatehouse.server.wire.ErrorFormat;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an operation off the I/O thread onto a virtual thread, rejects oversized bodies first,
 * turns whatever the operation throws into an error response in its API's {@link ErrorFormat}, and
 * hands the response back to the I/O thread to write. Times each call in {@code gatehouse.requests} by
 * outcome: {@code ok}, the error's name, {@code body_too_large}, {@code unavailable} or {@code internal_error}. A
 * store that cannot serve is answered with a 503 and unexpected failures with a 500, both with a fixed
 * message; what failed is logged with the request id (never with headers or bodies, which carry tokens).
 * The operation runs with its {@link RequestOrigin} bound, for the audit trail and the records it makes.
 */
public final class ApiDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ApiOperation operation;
    private final Executor executor;
    private final long maxBodyBytes;
    private static final String OK = "ok";
    private static final String BODY_TOO_LARGE = "body_too_large";
    private static final String INTERNAL_ERROR = "internal_error";
    private static final String UNAVAILABLE = "unavailable";

    private final ErrorFormat errors;
    private final OutcomeTimer timer;
    private final RequestOrigins origins;

    public ApiDispatcher(ApiOperation operation, Executor executor, long maxBodyBytes, ErrorFormat errors,
                         OutcomeTimer timer, RequestOrigins origins) {
        this.origins = origins;
        this.operation = operation;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
        this.errors = errors;
        this.timer = timer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            timer.record(BODY_TOO_LARGE, System.nanoTime());
            exchange.setPersistent(false);
            errors.bodyTooLarge("Request body of " + exchange.getRequestContentLength()
                    + " bytes is larger than the limit of " + maxBodyBytes + " bytes", RequestIds.of(exchange))
                    .writeTo(exchange);
            return;
        }
        RequestBody.limit(exchange, maxBodyBytes);
        if (exchange.isInIoThread()) {
            exchange.dispatch(executor, () -> run(exchange).writeOnIoThread(exchange));
        } else {
            // already on a worker (a guard before this one had to leave the I/O thread)
            run(exchange).writeOnIoThread(exchange);
        }
    }

    private WireResponse run(HttpServerExchange exchange) {
        long start = System.nanoTime();
        try {
            WireResponse response = origins.of(exchange).bind(() -> operation.handle(exchange));
            timer.record(OK, start);
            return response;
        } catch (GatehouseException e) {
            timer.record(errors.errorName(e.code()), start);
            return errors.response(e, RequestIds.of(exchange));
        } catch (StoreUnavailableException e) {
            timer.record(UNAVAILABLE, start);
            LOG.warn("{} {} unavailable (request {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e.getMessage());
            return errors.unavailable(RequestIds.of(exchange));
        } catch (RequestBody.TooLargeException e) {
            timer.record(BODY_TOO_LARGE, start);
            return errors.bodyTooLarge(e.getMessage(), RequestIds.of(exchange));
        } catch (RuntimeException e) {
            timer.record(INTERNAL_ERROR, start);
            LOG.error("{} {} failed (request {})", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e);
            return errors.internal(RequestIds.of(exchange));
        }
    }
}
