package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.Provisioning;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListPermissionSetsProvisionedToAccount: the permission sets provisioned to an account. */
public final class ListPermissionSetsProvisionedToAccountHandler implements AdminOperation {
    private final Provisioning provisioning;

    public ListPermissionSetsProvisionedToAccountHandler(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("PermissionSets", provisioning.permissionSetsIn(SsoAdminWire.instanceArn(input),
                SsoAdminWire.text(input, "AccountId"), SsoAdminWire.optionalText(input, "ProvisioningStatus"),
                SsoAdminWire.page(input)), arn -> arn);
    }
}
