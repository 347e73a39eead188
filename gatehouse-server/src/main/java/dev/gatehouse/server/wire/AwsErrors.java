package dev.gatehouse.server.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.domain.error.ErrorCode;
import io.undertow.server.HttpServerExchange;

/**
 * The one place where errors become AWS restJson1 error responses: the status, the
 * {@code x-amzn-ErrorType} header every SDK reads first, and a body with the modeled
 * {@code message} member.
 */
public final class AwsErrors {
    private AwsErrors() {
    }

    /** The access portal's errors as an {@link ErrorFormat}, for its routes' guards and dispatcher. */
    public static final ErrorFormat FORMAT = new ErrorFormat() {
        @Override
        public String errorName(ErrorCode code) {
            return shapeOf(code).type();
        }

        @Override
        public WireResponse response(ErrorCode code, String message, String requestId) {
            return AwsErrors.response(shapeOf(code), message);
        }

        @Override
        public WireResponse bodyTooLarge(String message, String requestId) {
            return AwsErrors.response(new ErrorShape(413, "InvalidRequestException"), message);
        }

        @Override
        public WireResponse internal(String requestId) {
            return AwsErrors.internal();
        }

        @Override
        public WireResponse unavailable(String requestId) {
            return AwsErrors.response(new ErrorShape(503, "ServiceUnavailableException"), UNAVAILABLE_MESSAGE);
        }
    };

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
            // the OAuth codes belong to SSO OIDC (OidcErrors), the signed-request and operation ones
            // to STS (QueryErrors); no access-portal operation raises them
            case INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
                 INVALID_REDIRECT_URI, INVALID_CLIENT_METADATA, AUTHORIZATION_PENDING, SLOW_DOWN, ACCESS_DENIED,
                 EXPIRED_TOKEN, UNSIGNED, MALFORMED_SIGNATURE, SIGNATURE_MISMATCH, UNKNOWN_ACCESS_KEY,
                 MISSING_OPERATION, UNKNOWN_OPERATION, VALIDATION, CONFLICT, SERVICE_QUOTA_EXCEEDED ->
                    new ErrorShape(400, "InvalidRequestException");
            case THROTTLING -> new ErrorShape(429, "TooManyRequestsException");
        };
    }

    public static WireResponse response(ErrorShape shape, String message) {
        try {
            return new WireResponse(shape.status(), "application/json",
                    Json.MAPPER.writeValueAsBytes(new ErrorBody(message)), shape.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failure that is ours, not the caller's; the details go to the log, not the wire. */
    public static WireResponse internal() {
        return response(new ErrorShape(500, "InternalServerException"), ErrorFormat.INTERNAL_MESSAGE);
    }

    /** Answers at once, on the I/O thread (the guards that reject before any work is done). */
    public static void send(HttpServerExchange exchange, ErrorCode code, String message) {
        response(shapeOf(code), message).writeTo(exchange);
    }

    public static void send(HttpServerExchange exchange, ErrorShape shape, String message) {
        response(shape, message).writeTo(exchange);
    }

    private record ErrorBody(String message) {
    }
}
