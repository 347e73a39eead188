package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ListPermissionSetProvisioningStatus: the ProvisionPermissionSet requests, oldest first, by status
 * when filtered.
 */
public final class ListPermissionSetProvisioningStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public ListPermissionSetProvisioningStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("PermissionSetsProvisioningStatus", statuses.list(SsoAdminWire.instanceArn(input),
                Operation.PROVISIONING, SsoAdminWire.filter(input, "Status"), SsoAdminWire.page(input)),
                SsoAdminWire::statusMetadata);
    }
}
