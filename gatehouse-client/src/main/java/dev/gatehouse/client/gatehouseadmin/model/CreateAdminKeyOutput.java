package dev.gatehouse.client.gatehouseadmin.model;

import dev.gatehouse.client.internal.Redact;

/**
 * CreateAdminKey's output: the new key and its secret, which the service answers this once and keeps
 * nowhere; {@code toString} does not show it.
 */
public record CreateAdminKeyOutput(AdminKey adminKey, String secretAccessKey) {
    @Override
    public String toString() {
        return "CreateAdminKeyOutput[adminKey=" + adminKey + ", secretAccessKey=" + Redact.secret(secretAccessKey) + "]";
    }
}
