package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.AccountAssignments;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListAccountAssignments: the assignments of one permission set in one account. */
public final class ListAccountAssignmentsHandler implements AdminOperation {
    private final AccountAssignments assignments;

    public ListAccountAssignmentsHandler(AccountAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("AccountAssignments", assignments.list(SsoAdminWire.instanceArn(input),
                SsoAdminWire.text(input, "AccountId"), SsoAdminWire.permissionSetArn(input), SsoAdminWire.page(input)),
                SsoAdminWire::assignment);
    }
}
