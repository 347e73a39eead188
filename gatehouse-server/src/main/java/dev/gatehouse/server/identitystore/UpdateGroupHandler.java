package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore UpdateGroup: a new display name or description. */
public final class UpdateGroupHandler implements AdminOperation {
    private final Groups groups;

    public UpdateGroupHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        groups.update(caller, IdentityStoreWire.identityStoreId(input), IdentityStoreWire.string(input, "GroupId"),
                IdentityStoreWire.operations(input));
        return IdentityStoreWire.empty();
    }
}
