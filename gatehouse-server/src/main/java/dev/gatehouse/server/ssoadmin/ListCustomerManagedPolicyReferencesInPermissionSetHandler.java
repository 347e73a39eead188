package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.PermissionSetPolicies;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ListCustomerManagedPolicyReferencesInPermissionSet: the customer-managed policies attached, in the
 * order they were.
 */
public final class ListCustomerManagedPolicyReferencesInPermissionSetHandler implements AdminOperation {
    private final PermissionSetPolicies policies;

    public ListCustomerManagedPolicyReferencesInPermissionSetHandler(PermissionSetPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("CustomerManagedPolicyReferences", policies.customerManaged(
                SsoAdminWire.instanceArn(input), SsoAdminWire.permissionSetArn(input), SsoAdminWire.page(input)),
                SsoAdminWire::reference);
    }
}
