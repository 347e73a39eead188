package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import io.undertow.server.HttpServerExchange;

/**
 * The one place where errors become AWS restJson1 error responses: the status, the
 * {@code x-amzn-ErrorType} header every SDK reads first, and a body with the modeled
 * {@code message} member.
 */
public final class AwsErrors {
    private AwsErrors() {
    }

    /** The wire shape of one error: HTTP status and AWS error type name. */
    public record ErrorShape(int status, String type) {
    }

    public static ErrorShape shapeOf(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST -> new ErrorShape(400, "InvalidRequestException");
            case UNAUTHORIZED -> new ErrorShape(401, "UnauthorizedException");
            case FORBIDDEN -> new ErrorShape(403, "ForbiddenException");
            case RESOURCE_NOT_FOUND -> new ErrorShape(404, "ResourceNotFoundException");
            case TOO_MANY_REQUESTS -> new ErrorShape(429, "TooManyRequestsException");
            case SERVICE_UNAVAILABLE -> new ErrorShape(503, "ServiceUnavailableException");
        };
    }

    public static void send(HttpServerExchange exchange, GatehouseException error) {
        send(exchange, shapeOf(error.code()), error.getMessage());
    }

    public static void send(HttpServerExchange exchange, ErrorCode code, String message) {
        send(exchange, shapeOf(code), message);
    }

    public static void send(HttpServerExchange exchange, ErrorShape shape, String message) {
        exchange.getResponseHeaders().put(WireHeaders.ERROR_TYPE, shape.type());
        if (shape.status() == 429 || shape.status() == 503) {
            exchange.getResponseHeaders().put(WireHeaders.RETRY_AFTER, "1");
        }
        Json.send(exchange, shape.status(), new ErrorBody(message));
    }

    /** A failure that is ours, not the caller's; the details go to the log, not the wire. */
    public static void internal(HttpServerExchange exchange) {
        send(exchange, new ErrorShape(500, "InternalServerException"), "An internal error occurred; the request id is in x-amzn-RequestId");
    }

    private record ErrorBody(String message) {
    }
}
