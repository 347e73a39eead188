package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.domain.identitystore.Page;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore ListGroupMemberships: a page of one group's memberships. */
public final class ListGroupMembershipsHandler implements AdminOperation {
    private final Memberships memberships;

    public ListGroupMembershipsHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        Page<Membership> page = memberships.ofGroup(storeId, IdentityStoreWire.string(input, "GroupId"),
                IdentityStoreWire.integer(input, "MaxResults"), IdentityStoreWire.string(input, "NextToken"));
        return IdentityStoreWire.page("GroupMemberships", page, m -> IdentityStoreWire.membership(m, storeId));
    }
}
