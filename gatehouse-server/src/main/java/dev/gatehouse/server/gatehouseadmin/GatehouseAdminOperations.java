package dev.gatehouse.server.gatehouseadmin;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets.Service;
import java.util.Map;

/** Gatehouse's own admin operations ({@code X-Amz-Target: GatehouseAdmin.*}), keyed by target, for the route table. */
public final class GatehouseAdminOperations {
    private GatehouseAdminOperations() {
    }

    public static Map<String, AdminOperation> all(Gatehouse gatehouse) {
        return Map.of(
                Service.GATEHOUSE.target("CreateAdminKey"), new CreateAdminKeyHandler(gatehouse.adminKeys()),
                Service.GATEHOUSE.target("ListAdminKeys"), new ListAdminKeysHandler(gatehouse.adminKeys()),
                Service.GATEHOUSE.target("RevokeAdminKey"), new RevokeAdminKeyHandler(gatehouse.adminKeys()));
    }
}
