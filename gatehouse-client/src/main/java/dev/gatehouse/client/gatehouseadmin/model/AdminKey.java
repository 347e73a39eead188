package dev.gatehouse.client.gatehouseadmin.model;

import java.time.Instant;

/**
 * An admin access key as the service lists it, never with its secret.
 *
 * @param description null when the key has none
 * @param status      {@code Active} or {@code Revoked}
 * @param createdBy   the access key id that made it
 * @param revokedAt   null while the key is active
 */
public record AdminKey(String accessKeyId, String description, String status, Instant createdAt, String createdBy,
                       Instant revokedAt) {
    public boolean isActive() {
        return revokedAt == null;
    }
}
