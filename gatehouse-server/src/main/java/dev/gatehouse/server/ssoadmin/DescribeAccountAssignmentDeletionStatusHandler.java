package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DescribeAccountAssignmentDeletionStatus: the stored status of one DeleteAccountAssignment request. */
public final class DescribeAccountAssignmentDeletionStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public DescribeAccountAssignmentDeletionStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = statuses.describe(SsoAdminWire.instanceArn(input), Operation.ASSIGNMENT_DELETION,
                "accountAssignmentDeletionRequestId", SsoAdminWire.text(input, "AccountAssignmentDeletionRequestId"));
        return SsoAdminWire.of("AccountAssignmentDeletionStatus", SsoAdminWire.assignmentStatus(status));
    }
}
