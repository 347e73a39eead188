package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin GetPermissionsBoundaryForPermissionSet: the permissions boundary; ResourceNotFoundException when none. */
public final class GetPermissionsBoundaryForPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public GetPermissionsBoundaryForPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.of("PermissionsBoundary", SsoAdminWire.boundary(policies.boundary(
                SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input))));
    }
}
