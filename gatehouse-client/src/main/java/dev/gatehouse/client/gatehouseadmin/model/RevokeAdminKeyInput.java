package dev.gatehouse.client.gatehouseadmin.model;

import java.util.Objects;

/** RevokeAdminKey's input: the key to revoke (AKIA and 16 upper-case letters or digits). */
public record RevokeAdminKeyInput(String accessKeyId) {
    public RevokeAdminKeyInput {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }
}
