package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.ssoadmin.RequestStatuses;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DescribePermissionSetProvisioningStatus: the stored status of one ProvisionPermissionSet request. */
public final class DescribePermissionSetProvisioningStatusHandler implements AdminOperation {
    private final RequestStatuses statuses;

    public DescribePermissionSetProvisioningStatusHandler(RequestStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = statuses.describe(SsoAdminWire.instanceArn(input), Operation.PROVISIONING,
                "provisionPermissionSetRequestId", SsoAdminWire.text(input, "ProvisionPermissionSetRequestId"));
        return SsoAdminWire.of("PermissionSetProvisioningStatus", SsoAdminWire.provisioningStatus(status));
    }
}
