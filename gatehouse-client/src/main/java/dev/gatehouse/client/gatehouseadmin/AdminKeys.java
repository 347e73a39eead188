package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.internal.JsonObject;

/** Reads an admin key's members, shared by the three key operations' outputs. */
final class AdminKeys {
    private AdminKeys() {
    }

    static AdminKey read(JsonObject key) {
        return new AdminKey(key.string("AccessKeyId"), key.string("Description"), key.string("Status"),
                key.epochSeconds("CreatedAt"), key.string("CreatedBy"), key.epochSeconds("RevokedAt"));
    }
}
