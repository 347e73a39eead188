package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore CreateGroupMembership: a user into a group, at most once. */
public final class CreateGroupMembershipHandler implements AdminOperation {
    private final Memberships memberships;

    public CreateGroupMembershipHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String membershipId = memberships.create(caller, storeId, IdentityStoreWire.string(input, "GroupId"),
                IdentityStoreWire.memberUserId(input));
        return IdentityStoreWire.id("MembershipId", membershipId, storeId);
    }
}
