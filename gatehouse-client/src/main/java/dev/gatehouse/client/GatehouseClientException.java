package dev.gatehouse.client;

/**
 * The call failed on the client's side, without an error answer from the service: the connection
 * could not be made or broke, the request timed out, the thread was interrupted, or the service's
 * answer could not be read. (The AWS SDK's {@code SdkClientException}.)
 */
public class GatehouseClientException extends RuntimeException {
    private final int attempts;

    public GatehouseClientException(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    public GatehouseClientException(String message) {
        this(message, null, 1);
    }

    /** How many times the request was sent (or tried) before giving up. */
    public int attempts() {
        return attempts;
    }
}
