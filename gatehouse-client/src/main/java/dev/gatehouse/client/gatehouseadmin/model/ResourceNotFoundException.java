package dev.gatehouse.client.gatehouseadmin.model;

import dev.gatehouse.client.ErrorDetails;

/** {@code ResourceNotFoundException}: the key or user named does not exist. */
public final class ResourceNotFoundException extends GatehouseAdminException {
    public ResourceNotFoundException(ErrorDetails details) {
        super(details);
    }
}
