package dev.gatehouse.domain.store;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;

/** The store cannot serve right now; nothing was written. */
public class StoreUnavailableException extends GatehouseException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, cause);
    }
}
