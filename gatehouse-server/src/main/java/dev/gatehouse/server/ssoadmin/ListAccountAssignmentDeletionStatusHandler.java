package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ListAccountAssignmentDeletionStatus: the DeleteAccountAssignment requests, oldest first, by status
 * when filtered.
 */
public final class ListAccountAssignmentDeletionStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public ListAccountAssignmentDeletionStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("AccountAssignmentsDeletionStatus", statuses.list(SsoAdminWire.instanceArn(input),
                Operation.ASSIGNMENT_DELETION, SsoAdminWire.filter(input, "Status"), SsoAdminWire.page(input)),
                SsoAdminWire::statusMetadata);
    }
}
