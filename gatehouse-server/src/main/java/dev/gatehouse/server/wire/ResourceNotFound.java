package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;

/**
 * A GatehouseAdmin operation named a resource that does not exist: a ResourceNotFoundException whose
 * {@code ResourceType} ({@code USER}, {@code SESSION}) and {@code ResourceId} (what the caller sent)
 * travel as members of their own, as identitystore's do, so that a script can tell what was missing.
 */
public final class ResourceNotFound extends GatehouseException {
    private final String resourceType;
    private final String resourceId;

    public ResourceNotFound(String resourceType, String resourceId) {
        super(ErrorCode.RESOURCE_NOT_FOUND, resourceType + " not found: " + resourceId);
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }
}
