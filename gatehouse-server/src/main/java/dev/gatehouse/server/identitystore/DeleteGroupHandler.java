package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore DeleteGroup: the group, its memberships and the assignments naming it. */
public final class DeleteGroupHandler implements AdminOperation {
    private final Groups groups;

    public DeleteGroupHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        groups.delete(IdentityStoreWire.identityStoreId(input), IdentityStoreWire.string(input, "GroupId"));
        return IdentityStoreWire.empty();
    }
}
