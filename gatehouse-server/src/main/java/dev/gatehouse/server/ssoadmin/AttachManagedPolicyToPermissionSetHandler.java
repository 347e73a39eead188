package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin AttachManagedPolicyToPermissionSet: attaches an AWS-managed policy by ARN. */
public final class AttachManagedPolicyToPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public AttachManagedPolicyToPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.attachManaged(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.text(input, "ManagedPolicyArn"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
