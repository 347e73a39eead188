package dev.gatehouse.server.http;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
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
 * hands the response back to the I/O thread to write. Unexpected failures are logged
 * with the request id (never with headers or bodies, which carry tokens) and answered with a 500.
 */
public final class ApiDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ApiOperation operation;
    private final Executor executor;
    private final long maxBodyBytes;
    private final ErrorFormat errors;

    public ApiDispatcher(ApiOperation operation, Executor executor, long maxBodyBytes, ErrorFormat errors) {
        this.operation = operation;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
        this.errors = errors;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
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
        try {
            return operation.handle(exchange);
        } catch (GatehouseException e) {
            if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                LOG.warn("{} {} unavailable (request {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                        RequestIds.of(exchange), e.getMessage());
            }
            return errors.response(e, RequestIds.of(exchange));
        } catch (RequestBody.TooLargeException e) {
            return errors.bodyTooLarge(e.getMessage(), RequestIds.of(exchange));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed (request {})", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e);
            return errors.internal(RequestIds.of(exchange));
        }
    }
}
