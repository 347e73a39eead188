package dev.gatehouse.client.internal;

/** A response body that is not what the operation's model says (not JSON, or a member of the wrong type). */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
