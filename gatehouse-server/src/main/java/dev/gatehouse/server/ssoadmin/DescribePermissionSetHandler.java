package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.ssoadmin.PermissionSets;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DescribePermissionSet: one permission set's settings. */
public final class DescribePermissionSetHandler implements AdminOperation {
    private final PermissionSets permissionSets;

    public DescribePermissionSetHandler(PermissionSets permissionSets) {
        this.permissionSets = permissionSets;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        PermissionSet p = permissionSets.describe(SsoAdminWire.instanceArn(input),
                SsoAdminWire.permissionSetArn(input));
        return SsoAdminWire.of("PermissionSet", SsoAdminWire.permissionSet(p));
    }
}
