package dev.gatehouse.client;

import java.util.Objects;

/**
 * The service answered with an error. Carries the HTTP status, the request id, the error code, the
 * message and the fault ({@link Fault#CLIENT} or {@link Fault#SERVER}); each service has its own
 * subclass ({@code SsoServiceException}, {@code SsoOidcServiceException}) and one subclass of that
 * per modeled error. An error the model does not name surfaces as the service's base class, with
 * the code the service sent (for example {@code ForbiddenException}).
 */
public abstract class ServiceException extends RuntimeException {
    private final ErrorDetails details;

    protected ServiceException(ErrorDetails details) {
        super(describe(Objects.requireNonNull(details, "details")), null, false, true);
        this.details = details;
    }

    /** The HTTP status of the error response, for example 401. */
    public int statusCode() {
        return details.statusCode();
    }

    /** The {@code x-amzn-RequestId} of the response, or null when the service sent none. */
    public String requestId() {
        return details.requestId();
    }

    /** The error's name as the service sent it (for example {@code UnauthorizedException}), or null. */
    public String errorCode() {
        return details.errorCode();
    }

    /** The service's message, or null when it sent none. */
    public String errorMessage() {
        return details.errorMessage();
    }

    public Fault fault() {
        return details.fault();
    }

    /** How many times the request was sent before this error surfaced (more than 1 after retries). */
    public int attempts() {
        return details.attempts();
    }

    public ErrorDetails details() {
        return details;
    }

    private static String describe(ErrorDetails d) {
        StringBuilder text = new StringBuilder();
        text.append(d.errorCode() == null ? "HTTP " + d.statusCode() : d.errorCode());
        if (d.errorMessage() != null && !d.errorMessage().isBlank()) {
            text.append(": ").append(d.errorMessage());
        }
        text.append(" (status ").append(d.statusCode());
        if (d.requestId() != null) {
            text.append(", request id ").append(d.requestId());
        }
        if (d.attempts() > 1) {
            text.append(", after ").append(d.attempts()).append(" attempts");
        }
        return text.append(')').toString();
    }
}
