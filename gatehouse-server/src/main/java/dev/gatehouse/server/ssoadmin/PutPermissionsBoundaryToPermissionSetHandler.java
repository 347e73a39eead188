package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin PutPermissionsBoundaryToPermissionSet: sets the permissions boundary, kept as given. */
public final class PutPermissionsBoundaryToPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public PutPermissionsBoundaryToPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.putBoundary(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.boundary(input), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
