package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.identitystore.Groups;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore DescribeGroup. */
public final class DescribeGroupHandler implements AdminOperation {
    private final Groups groups;

    public DescribeGroupHandler(Groups groups) {
        this.groups = groups;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        Group group = groups.describe(storeId, IdentityStoreWire.string(input, "GroupId"));
        return IdentityStoreWire.group(group, storeId);
    }
}
