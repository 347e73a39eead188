package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DescribeAccountAssignmentCreationStatus: the stored status of one CreateAccountAssignment request. */
public final class DescribeAccountAssignmentCreationStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public DescribeAccountAssignmentCreationStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = statuses.describe(SsoAdminWire.instanceArn(input), Operation.ASSIGNMENT_CREATION,
                "accountAssignmentCreationRequestId", SsoAdminWire.text(input, "AccountAssignmentCreationRequestId"));
        return SsoAdminWire.of("AccountAssignmentCreationStatus", SsoAdminWire.assignmentStatus(status));
    }
}
