package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore DescribeGroupMembership. */
public final class DescribeGroupMembershipHandler implements AdminOperation {
    private final Memberships memberships;

    public DescribeGroupMembershipHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        Membership membership = memberships.describe(storeId, IdentityStoreWire.string(input, "MembershipId"));
        return IdentityStoreWire.membership(membership, storeId);
    }
}
