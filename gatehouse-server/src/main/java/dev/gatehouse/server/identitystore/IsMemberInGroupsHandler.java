package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Memberships;
import dev.gatehouse.domain.identitystore.Memberships.MembershipCheck;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;
import java.util.List;

/** identitystore IsMemberInGroups: for each group asked about, whether the user is in it. */
public final class IsMemberInGroupsHandler implements AdminOperation {
    private final Memberships memberships;

    public IsMemberInGroupsHandler(Memberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String userId = IdentityStoreWire.memberUserId(input);
        List<MembershipCheck> checks = memberships.isMemberInGroups(IdentityStoreWire.identityStoreId(input), userId,
                IdentityStoreWire.strings(input, "GroupIds"));
        return IdentityStoreWire.membershipResults(userId, checks);
    }
}
