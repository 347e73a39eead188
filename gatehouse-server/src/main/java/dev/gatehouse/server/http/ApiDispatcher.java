package dev.gatehouse.server.http;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an operation off the I/O thread onto a virtual thread, rejects oversized bodies first,
 * turns whatever the operation throws into an AWS error response, and hands the response back to
 * the I/O thread to write. Unexpected failures are logged
 * with the request id (never with headers, which carry tokens) and answered with a 500.
 */
public final class ApiDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ApiOperation operation;
    private final Executor executor;
    private final long maxBodyBytes;

    public ApiDispatcher(ApiOperation operation, Executor executor, long maxBodyBytes) {
        this.operation = operation;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            exchange.setPersistent(false);
            AwsErrors.send(exchange, new AwsErrors.ErrorShape(413, "InvalidRequestException"),
                    "Request body of " + exchange.getRequestContentLength() + " bytes is larger than the limit of "
                            + maxBodyBytes + " bytes");
            return;
        }
        exchange.dispatch(executor, () -> run(exchange).writeOnIoThread(exchange));
    }

    private WireResponse run(HttpServerExchange exchange) {
        try {
            return operation.handle(exchange);
        } catch (GatehouseException e) {
            if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                LOG.warn("{} {} unavailable (request {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                        RequestIds.of(exchange), e.getMessage());
            }
            return AwsErrors.response(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed (request {})", exchange.getRequestMethod(), exchange.getRequestPath(),
                    RequestIds.of(exchange), e);
            return AwsErrors.internal();
        }
    }
}
