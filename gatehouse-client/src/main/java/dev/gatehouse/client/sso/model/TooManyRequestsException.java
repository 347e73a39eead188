package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.ErrorDetails;

/** The access portal's {@code TooManyRequestsException} (HTTP 429: requests came too fast; raised only after the retries ran out). */
public final class TooManyRequestsException extends SsoServiceException {
    public TooManyRequestsException(ErrorDetails details) {
        super(details);
    }
}
