package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.ErrorDetails;

/** The access portal's {@code InvalidRequestException} (HTTP 400: a problem with the input, e.g. a missing or out-of-range parameter). */
public final class InvalidRequestException extends SsoServiceException {
    public InvalidRequestException(ErrorDetails details) {
        super(details);
    }
}
