package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore GetUserId: a user's id by userName, emails.value or an external id. */
public final class GetUserIdHandler implements AdminOperation {
    private final Users users;

    public GetUserIdHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String userId = users.idOf(storeId, IdentityStoreWire.alternateIdentifier(input));
        return IdentityStoreWire.id("UserId", userId, storeId);
    }
}
