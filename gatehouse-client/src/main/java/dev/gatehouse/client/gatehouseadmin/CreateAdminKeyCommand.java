package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * CreateAdminKey — {@code {"Description"?}} → the key's members and {@code SecretAccessKey}, which
 * the service shows this once. Not retried after the request may have arrived: a retry could make a
 * second key.
 */
public final class CreateAdminKeyCommand extends GatehouseAdminCommand<CreateAdminKeyInput, CreateAdminKeyOutput> {
    public CreateAdminKeyCommand(CreateAdminKeyInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "CreateAdminKey";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> members = new HashMap<>();
        members.put("Description", input().description());
        return call(members, false);
    }

    @Override
    protected CreateAdminKeyOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new CreateAdminKeyOutput(AdminKeys.read(body), body.string("SecretAccessKey"));
    }
}
