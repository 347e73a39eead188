package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.ErrorDetails;

/** The access portal's {@code UnauthorizedException} (HTTP 401: the access token is unknown, expired or logged out — sign in again). */
public final class UnauthorizedException extends SsoServiceException {
    public UnauthorizedException(ErrorDetails details) {
        super(details);
    }
}
