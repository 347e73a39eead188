package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.util.Optional;

/**
 * An identitystore error that says more than a code and a message: which resource was missing (its
 * type and id), or why a change conflicts. identitystore's errors carry these as members of their own
 * ({@code ResourceType}, {@code ResourceId}, {@code Reason}), and tools such as Terraform read them.
 */
public final class IdentityStoreException extends GatehouseException {
    /** Why a change conflicts, as identitystore's {@code ConflictExceptionReason} names it. */
    public enum ConflictReason {
        UNIQUENESS_CONSTRAINT_VIOLATION, CONCURRENT_MODIFICATION
    }

    private final ResourceType resourceType;
    private final String resourceId;
    private final ConflictReason reason;

    private IdentityStoreException(ErrorCode code, String message, ResourceType resourceType, String resourceId,
                                   ConflictReason reason) {
        super(code, message);
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.reason = reason;
    }

    /** The resource of this type and id does not exist (or is not in this identity store). */
    public static IdentityStoreException notFound(ResourceType type, String id) {
        String message = type == ResourceType.IDENTITY_STORE
                ? "IdentityStore not present for IdentityStoreId: " + id
                : type + " not found.";
        return new IdentityStoreException(ErrorCode.RESOURCE_NOT_FOUND, message, type, id, null);
    }

    /** The change would give a second entry a value that must be unique. */
    public static IdentityStoreException duplicate(String message) {
        return new IdentityStoreException(ErrorCode.CONFLICT, message, null, null,
                ConflictReason.UNIQUENESS_CONSTRAINT_VIOLATION);
    }

    public Optional<ResourceType> resourceType() {
        return Optional.ofNullable(resourceType);
    }

    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    public Optional<ConflictReason> reason() {
        return Optional.ofNullable(reason);
    }
}
