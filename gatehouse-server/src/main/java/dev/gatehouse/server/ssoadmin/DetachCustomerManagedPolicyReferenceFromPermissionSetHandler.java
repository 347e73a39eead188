package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin DetachCustomerManagedPolicyReferenceFromPermissionSet: detaches a customer-managed policy by name
 * and path.
 */
public final class DetachCustomerManagedPolicyReferenceFromPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public DetachCustomerManagedPolicyReferenceFromPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        policies.detachCustomerManaged(SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.reference(input, "CustomerManagedPolicyReference"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
