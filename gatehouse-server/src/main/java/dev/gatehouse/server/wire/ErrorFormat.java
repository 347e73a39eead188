package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import io.undertow.server.HttpServerExchange;

/**
 * How one API puts its errors on the wire: the access portal's ({@link AwsErrors#FORMAT}), SSO
 * OIDC's ({@link OidcErrors#FORMAT}) or STS's ({@link QueryErrors#FORMAT}). A route's guards and its
 * dispatcher all answer in its API's format; {@code Routes} picks the format once per API. The
 * request id is passed for the formats that repeat it in the body (awsQuery); the others ignore it.
 * Only a domain error's code and safe message reach the wire; the store's and the driver's words
 * never do ({@link #unavailable} and {@link #internal} have fixed messages).
 */
public interface ErrorFormat {
    /** The message of {@link #internal}: where to look, never what failed. */
    String INTERNAL_MESSAGE = "An internal error occurred; the request id is in x-amzn-RequestId";
    /** The message of {@link #unavailable}. */
    String UNAVAILABLE_MESSAGE = "The service is unavailable right now; retry in a moment";

    /** The error's name as clients see it (the error type, or STS's {@code Error/Code}); a metrics label. */
    String errorName(ErrorCode code);

    /** The response for a domain error. */
    WireResponse response(ErrorCode code, String message, String requestId);

    /** 413: the request body is larger than the service accepts. */
    WireResponse bodyTooLarge(String message, String requestId);

    /** 500: a failure that is ours, not the caller's; the details go to the log, not the wire. */
    WireResponse internal(String requestId);

    /**
     * 503: the store cannot serve right now; nothing was done, and the call may be retried (every
     * AWS SDK retries a 503 with backoff). The details go to the log, not the wire.
     */
    WireResponse unavailable(String requestId);

    /** The response for a domain error, its message worded for the wire ({@link ErrorMessages}). */
    default WireResponse response(GatehouseException error, String requestId) {
        return response(error.code(), ErrorMessages.of(error), requestId);
    }

    /** Answers at once, on the I/O thread (the guards that reject before any work is done). */
    default void send(HttpServerExchange exchange, ErrorCode code, String message) {
        response(code, message, exchange.getResponseHeaders().getFirst(WireHeaders.REQUEST_ID)).writeTo(exchange);
    }
}
