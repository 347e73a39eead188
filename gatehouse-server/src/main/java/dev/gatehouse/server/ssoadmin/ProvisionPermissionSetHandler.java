package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.ssoadmin.Provisioning;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/**
 * sso-admin ProvisionPermissionSet: provisions a permission set to an account, or again to all it is provisioned
 * to.
 */
public final class ProvisionPermissionSetHandler implements AdminOperation {
    private final Provisioning provisioning;

    public ProvisionPermissionSetHandler(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        RequestStatus status = provisioning.provision(SsoAdminWire.instanceArn(input),
                SsoAdminWire.permissionSetArn(input),
                SsoAdminWire.optionalText(input, "TargetId"), SsoAdminWire.text(input, "TargetType"),
                caller.accessKeyId());
        return SsoAdminWire.of("PermissionSetProvisioningStatus", SsoAdminWire.provisioningStatus(status));
    }
}
