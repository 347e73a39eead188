package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore DeleteGroupMembership. */
public final class DeleteGroupMembershipHandler implements AdminOperation {
    private final Memberships memberships;

    public DeleteGroupMembershipHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        memberships.delete(IdentityStoreWire.identityStoreId(input),
                IdentityStoreWire.string(input, "MembershipId"));
        return IdentityStoreWire.empty();
    }
}
