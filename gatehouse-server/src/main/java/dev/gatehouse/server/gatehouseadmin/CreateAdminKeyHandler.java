package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.admin.AdminKeys;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.GatehouseAdminWire;

/**
 * GatehouseAdmin.CreateAdminKey {@code {Description?}}: a new admin access key, its secret in this
 * answer only (sent with {@code Cache-Control: no-store}); the service keeps no copy of it.
 */
public final class CreateAdminKeyHandler implements AdminOperation {
    private final AdminKeys keys;

    public CreateAdminKeyHandler(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return GatehouseAdminWire.created(keys.create(GatehouseAdminWire.optionalString(input, "Description"), caller));
    }

    @Override
    public boolean handsOutSecrets() {
        return true;
    }
}
