package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DetachManagedPolicyFromPermissionSet: detaches an AWS-managed policy by ARN. */
public final class DetachManagedPolicyFromPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public DetachManagedPolicyFromPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.detachManaged(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.text(input, "ManagedPolicyArn"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
