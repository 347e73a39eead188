package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin PutInlinePolicyToPermissionSet: sets a permission set's inline policy, kept as given. */
public final class PutInlinePolicyToPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public PutInlinePolicyToPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.putInline(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.text(input, "InlinePolicy"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
