package dev.gatehouse.domain.error;

/** A failure the caller can be told about: a code and a message that is safe to show. */
public class GatehouseException extends RuntimeException {
    private final ErrorCode code;

    public GatehouseException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GatehouseException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static GatehouseException invalidRequest(String message) {
        return new GatehouseException(ErrorCode.INVALID_REQUEST, message);
    }

    public static GatehouseException unauthorized() {
        return new GatehouseException(ErrorCode.UNAUTHORIZED, "Session token not found or invalid");
    }

    public static GatehouseException of(ErrorCode code, String message) {
        return new GatehouseException(code, message);
    }

    public static GatehouseException forbidden() {
        return new GatehouseException(ErrorCode.FORBIDDEN, "No access");
    }
}
