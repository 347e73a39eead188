package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import io.undertow.server.HttpServerExchange;

/**
 * How one API puts its errors on the wire: the access portal's ({@link AwsErrors#FORMAT}) or SSO
 * OIDC's ({@link OidcErrors#FORMAT}). A route's guards and its dispatcher all answer in its API's
 * format; {@code Routes} picks the format once per API.
 */
public interface ErrorFormat {
    /** The response for a domain error. */
    WireResponse response(ErrorCode code, String message);

    /** 413: the request body is larger than the service accepts. */
    WireResponse bodyTooLarge(String message);

    /** 500: a failure that is ours, not the caller's; the details go to the log, not the wire. */
    WireResponse internal();

    default WireResponse response(GatehouseException error) {
        return response(error.code(), error.getMessage());
    }

    /** Answers at once, on the I/O thread (the guards that reject before any work is done). */
    default void send(HttpServerExchange exchange, ErrorCode code, String message) {
        response(code, message).writeTo(exchange);
    }
}
