package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DeletePermissionsBoundaryFromPermissionSet: removes the permissions boundary. */
public final class DeletePermissionsBoundaryFromPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public DeletePermissionsBoundaryFromPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.deleteBoundary(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
