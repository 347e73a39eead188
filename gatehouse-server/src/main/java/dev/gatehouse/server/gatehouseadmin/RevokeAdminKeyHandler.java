package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.admin.AdminKeys;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.GatehouseAdminWire;

/**
 * GatehouseAdmin.RevokeAdminKey {@code {AccessKeyId}}: the key signs nothing more, on any instance;
 * answers the key with its {@code RevokedAt}. A key may revoke itself (see {@link AdminKeys#revoke}).
 */
public final class RevokeAdminKeyHandler implements AdminOperation {
    private final AdminKeys keys;

    public RevokeAdminKeyHandler(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return GatehouseAdminWire.adminKey(keys.revoke(GatehouseAdminWire.requiredString(input, "AccessKeyId"), caller));
    }
}
