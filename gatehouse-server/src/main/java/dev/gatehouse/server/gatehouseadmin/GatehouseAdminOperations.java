package dev.gatehouse.server.gatehouseadmin;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets.Service;
import java.util.Map;

/**
 * Gatehouse's own admin operations ({@code X-Amz-Target: GatehouseAdmin.*}), keyed by target, for the
 * route table: admin keys, and users' sign-in sessions and the audit trail (docs/sessions-and-audit.md).
 */
public final class GatehouseAdminOperations {
    private GatehouseAdminOperations() {
    }

    public static Map<String, AdminOperation> all(Gatehouse gatehouse) {
        return Map.of(
                Service.GATEHOUSE.target("CreateAdminKey"), new CreateAdminKeyHandler(gatehouse.adminKeys()),
                Service.GATEHOUSE.target("ListAdminKeys"), new ListAdminKeysHandler(gatehouse.adminKeys()),
                Service.GATEHOUSE.target("RevokeAdminKey"), new RevokeAdminKeyHandler(gatehouse.adminKeys()),
                Service.GATEHOUSE.target("ListSessions"),
                new ListSessionsHandler(gatehouse.directory(), gatehouse.userSessions()),
                Service.GATEHOUSE.target("EndSession"), new EndSessionHandler(gatehouse.userSessions()),
                Service.GATEHOUSE.target("EndUserSessions"),
                new EndUserSessionsHandler(gatehouse.directory(), gatehouse.userSessions()),
                Service.GATEHOUSE.target("ListAuditEvents"),
                new ListAuditEventsHandler(gatehouse.directory(), gatehouse.audit(), gatehouse.clock()));
    }
}
