package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.domain.identitystore.Page;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore ListGroupMembershipsForMember: a page of one user's memberships. */
public final class ListGroupMembershipsForMemberHandler implements AdminOperation {
    private final Memberships memberships;

    public ListGroupMembershipsForMemberHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        Page<Membership> page = memberships.ofMember(storeId, IdentityStoreWire.memberUserId(input),
                IdentityStoreWire.integer(input, "MaxResults"), IdentityStoreWire.string(input, "NextToken"));
        return IdentityStoreWire.page("GroupMemberships", page, m -> IdentityStoreWire.membership(m, storeId));
    }
}
