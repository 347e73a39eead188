package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.admin.AdminKeys;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.GatehouseAdminWire;

/** GatehouseAdmin.ListAdminKeys {@code {NextToken?, MaxResults?}}: the keys made here, active and revoked, no secrets. */
public final class ListAdminKeysHandler implements AdminOperation {
    private final AdminKeys keys;

    public ListAdminKeysHandler(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return GatehouseAdminWire.adminKeys(keys.list(GatehouseAdminWire.page(input)));
    }
}
