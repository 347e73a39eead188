package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.ssoadmin.PermissionSets;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin CreatePermissionSet: a new permission set; its name unique without regard to case. */
public final class CreatePermissionSetHandler implements AdminOperation {
    private final PermissionSets permissionSets;

    public CreatePermissionSetHandler(PermissionSets permissionSets) {
        this.permissionSets = permissionSets;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        PermissionSet created = permissionSets.create(SsoAdminWire.instanceArn(input), SsoAdminWire.text(input, "Name"),
                settings(input), SsoAdminWire.tags(input, "Tags"), caller.accessKeyId());
        return SsoAdminWire.of("PermissionSet", SsoAdminWire.permissionSet(created));
    }

    /** The settings members CreatePermissionSet and UpdatePermissionSet share. */
    static PermissionSets.Settings settings(JsonNode input) {
        return new PermissionSets.Settings(SsoAdminWire.optionalText(input, "Description"),
                SsoAdminWire.optionalText(input, "SessionDuration"), SsoAdminWire.optionalText(input, "RelayState"));
    }
}
