package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ListAccountAssignmentCreationStatus: the CreateAccountAssignment requests, oldest first, by status
 * when filtered.
 */
public final class ListAccountAssignmentCreationStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public ListAccountAssignmentCreationStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("AccountAssignmentsCreationStatus", statuses.list(SsoAdminWire.instanceArn(input),
                Operation.ASSIGNMENT_CREATION, SsoAdminWire.filter(input, "Status"), SsoAdminWire.page(input)),
                SsoAdminWire::statusMetadata);
    }
}
