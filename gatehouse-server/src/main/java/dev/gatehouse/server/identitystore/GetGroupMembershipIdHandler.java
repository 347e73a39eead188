package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore GetGroupMembershipId: the membership of a user in a group. */
public final class GetGroupMembershipIdHandler implements AdminOperation {
    private final Memberships memberships;

    public GetGroupMembershipIdHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String membershipId = memberships.idOf(storeId, IdentityStoreWire.string(input, "GroupId"),
                IdentityStoreWire.memberUserId(input));
        return IdentityStoreWire.id("MembershipId", membershipId, storeId);
    }
}
