package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSets;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListPermissionSets: the instance's permission set ARNs, a page at a time. */
public final class ListPermissionSetsHandler implements AdminOperation {
    private final PermissionSets permissionSets;

    public ListPermissionSetsHandler(PermissionSets permissionSets) {
        this.permissionSets = permissionSets;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("PermissionSets", permissionSets.list(SsoAdminWire.instanceArn(input),
                SsoAdminWire.page(input)), arn -> arn);
    }
}
