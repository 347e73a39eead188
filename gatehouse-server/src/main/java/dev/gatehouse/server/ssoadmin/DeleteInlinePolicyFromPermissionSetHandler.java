package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DeleteInlinePolicyFromPermissionSet: removes a permission set's inline policy. */
public final class DeleteInlinePolicyFromPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public DeleteInlinePolicyFromPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.deleteInline(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
