package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.ssoadmin.AccountAssignments;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin CreateAccountAssignment: grants a permission set in an account to a user or group, at once. */
public final class CreateAccountAssignmentHandler implements AdminOperation {
    private final AccountAssignments assignments;

    public CreateAccountAssignmentHandler(AccountAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = assignments.create(target(input), caller.accessKeyId());
        return SsoAdminWire.of("AccountAssignmentCreationStatus", SsoAdminWire.assignmentStatus(status));
    }

    /** The members that name an assignment, which DeleteAccountAssignment takes as well. */
    static AccountAssignments.Target target(JsonNode input) {
        return new AccountAssignments.Target(SsoAdminWire.instanceArn(input), SsoAdminWire.text(input, "TargetId"),
                SsoAdminWire.text(input, "TargetType"), SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.text(input, "PrincipalType"), SsoAdminWire.text(input, "PrincipalId"));
    }
}
