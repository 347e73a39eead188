package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore CreateGroup: a group of the display name given, unique without regard to case. */
public final class CreateGroupHandler implements AdminOperation {
    private final Groups groups;

    public CreateGroupHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String groupId = groups.create(caller, storeId, IdentityStoreWire.string(input, "DisplayName"),
                IdentityStoreWire.string(input, "Description"));
        return IdentityStoreWire.id("GroupId", groupId, storeId);
    }
}
