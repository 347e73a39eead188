package dev.gatehouse.domain.store;

/**
 * The store cannot serve right now; nothing was written. Not a {@code GatehouseException}: its
 * message carries the store's and the driver's own words, which go to the log only. Callers are
 * told that the service is unavailable, and may retry.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
