package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.Provisioning;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListAccountsForProvisionedPermissionSet: the accounts a permission set is provisioned to. */
public final class ListAccountsForProvisionedPermissionSetHandler implements AdminOperation {
    private final Provisioning provisioning;

    public ListAccountsForProvisionedPermissionSetHandler(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("AccountIds", provisioning.accountsFor(SsoAdminWire.instanceArn(input),
                SsoAdminWire.permissionSetArn(input), SsoAdminWire.optionalText(input, "ProvisioningStatus"),
                SsoAdminWire.page(input)), id -> id);
    }
}
