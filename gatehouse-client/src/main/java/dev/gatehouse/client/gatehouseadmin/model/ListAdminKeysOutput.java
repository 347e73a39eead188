package dev.gatehouse.client.gatehouseadmin.model;

import java.util.List;

/** ListAdminKeys' output: one page of keys, and the token of the next page (null on the last). */
public record ListAdminKeysOutput(List<AdminKey> adminKeys, String nextToken) {
    public ListAdminKeysOutput {
        adminKeys = List.copyOf(adminKeys);
    }
}
