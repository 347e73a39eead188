package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore DeleteUser: the user, their memberships and assignments; their sessions end at once. */
public final class DeleteUserHandler implements AdminOperation {
    private final Users users;

    public DeleteUserHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        users.delete(IdentityStoreWire.identityStoreId(input), IdentityStoreWire.string(input, "UserId"));
        return IdentityStoreWire.empty();
    }
}
