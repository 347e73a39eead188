package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.AccountAssignments;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ListAccountAssignmentsForPrincipal: the assignments made to one user or group, in one account when
 * filtered.
 */
public final class ListAccountAssignmentsForPrincipalHandler implements AdminOperation {
    private final AccountAssignments assignments;

    public ListAccountAssignmentsForPrincipalHandler(AccountAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("AccountAssignments", assignments.listForPrincipal(SsoAdminWire.instanceArn(input),
                SsoAdminWire.text(input, "PrincipalId"), SsoAdminWire.text(input, "PrincipalType"),
                SsoAdminWire.filter(input, "AccountId"),
                SsoAdminWire.page(input)), SsoAdminWire::assignment);
    }
}
