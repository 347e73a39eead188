package dev.gatehouse.client.gatehouseadmin.model;

/** RevokeAdminKey's output: the key, with when it was revoked. */
public record RevokeAdminKeyOutput(AdminKey adminKey) {
}
