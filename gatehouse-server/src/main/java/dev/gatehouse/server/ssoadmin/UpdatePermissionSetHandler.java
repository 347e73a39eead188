package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSets;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin UpdatePermissionSet: changes the description, session duration or relay state given. */
public final class UpdatePermissionSetHandler implements AdminOperation {
    private final PermissionSets permissionSets;

    public UpdatePermissionSetHandler(PermissionSets permissionSets) {
        this.permissionSets = permissionSets;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        permissionSets.update(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                CreatePermissionSetHandler.settings(input), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
