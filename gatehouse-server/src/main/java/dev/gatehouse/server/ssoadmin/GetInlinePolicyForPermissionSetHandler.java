package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;
import java.util.LinkedHashMap;
import java.util.Map;

/** sso-admin GetInlinePolicyForPermissionSet: a permission set's inline policy, left out when it has none. */
public final class GetInlinePolicyForPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public GetInlinePolicyForPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        Map<String, Object> output = new LinkedHashMap<>();
        policies.inline(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input))
                .ifPresent(p -> output.put("InlinePolicy", p));
        return output;
    }
}
