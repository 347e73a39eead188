package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSets;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DeletePermissionSet: removes a permission set that is assigned nowhere. */
public final class DeletePermissionSetHandler implements AdminOperation {
    private final PermissionSets permissionSets;

    public DeletePermissionSetHandler(PermissionSets permissionSets) {
        this.permissionSets = permissionSets;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        permissionSets.delete(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input));
        return SsoAdminWire.empty();
    }
}
