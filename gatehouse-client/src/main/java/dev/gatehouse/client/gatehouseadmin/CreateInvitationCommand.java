package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Map;

/**
 * CreateInvitation — {@code {"UserName"}} → {@code {"InvitationUrl", "ExpiresAt"}} (epoch seconds): a
 * link through which the user sets a password. Not retried after the request may have arrived.
 */
public final class CreateInvitationCommand extends GatehouseAdminCommand<CreateInvitationInput, CreateInvitationOutput> {
    public CreateInvitationCommand(CreateInvitationInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "CreateInvitation";
    }

    @Override
    protected WireRequest request() {
        return call(Map.of("UserName", input().userName()), false);
    }

    @Override
    protected CreateInvitationOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new CreateInvitationOutput(body.string("InvitationUrl"), body.epochSeconds("ExpiresAt"));
    }
}
