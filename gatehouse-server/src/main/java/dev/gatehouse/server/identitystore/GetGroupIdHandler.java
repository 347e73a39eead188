package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore GetGroupId: a group's id by displayName or an external id. */
public final class GetGroupIdHandler implements AdminOperation {
    private final Groups groups;

    public GetGroupIdHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String groupId = groups.idOf(storeId, IdentityStoreWire.alternateIdentifier(input));
        return IdentityStoreWire.id("GroupId", groupId, storeId);
    }
}
