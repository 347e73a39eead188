package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.domain.identitystore.Page;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore ListGroups: a page of groups, optionally filtered on DisplayName. */
public final class ListGroupsHandler implements AdminOperation {
    private final Groups groups;

    public ListGroupsHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        Page<Group> page = groups.list(storeId, IdentityStoreWire.integer(input, "MaxResults"),
                IdentityStoreWire.string(input, "NextToken"), IdentityStoreWire.filters(input));
        return IdentityStoreWire.page("Groups", page, g -> IdentityStoreWire.group(g, storeId));
    }
}
