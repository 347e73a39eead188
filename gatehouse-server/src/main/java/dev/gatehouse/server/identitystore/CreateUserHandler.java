package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore CreateUser: a user with the profile given, and no password until they set one. */
public final class CreateUserHandler implements AdminOperation {
    private final Users users;

    public CreateUserHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        String userId = users.create(caller, storeId, IdentityStoreWire.string(input, "UserName"),
                IdentityStoreWire.profile(input));
        return IdentityStoreWire.id("UserId", userId, storeId);
    }
}
