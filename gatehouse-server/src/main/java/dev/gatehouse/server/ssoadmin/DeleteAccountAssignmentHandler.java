package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.ssoadmin.AccountAssignments;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DeleteAccountAssignment: removes an assignment; the access portal stops offering it on its next call. */
public final class DeleteAccountAssignmentHandler implements AdminOperation {
    private final AccountAssignments assignments;

    public DeleteAccountAssignmentHandler(AccountAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = assignments.delete(CreateAccountAssignmentHandler.target(input), caller.accessKeyId());
        return SsoAdminWire.of("AccountAssignmentDeletionStatus", SsoAdminWire.assignmentStatus(status));
    }
}
