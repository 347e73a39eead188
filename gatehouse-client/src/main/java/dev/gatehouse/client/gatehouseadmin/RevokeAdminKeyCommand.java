package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.RevokeAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.RevokeAdminKeyOutput;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Map;

/** RevokeAdminKey — {@code {"AccessKeyId"}} → the key with its {@code RevokedAt}. Safe to retry: revoking twice changes nothing. */
public final class RevokeAdminKeyCommand extends GatehouseAdminCommand<RevokeAdminKeyInput, RevokeAdminKeyOutput> {
    public RevokeAdminKeyCommand(RevokeAdminKeyInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "RevokeAdminKey";
    }

    @Override
    protected WireRequest request() {
        return call(Map.of("AccessKeyId", input().accessKeyId()), true);
    }

    @Override
    protected RevokeAdminKeyOutput output(WireResponse response) {
        return new RevokeAdminKeyOutput(AdminKeys.read(response.json()));
    }
}
