package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;

/** identitystore UpdateUser: attribute operations applied in order, written at once. */
public final class UpdateUserHandler implements AdminOperation {
    private final Users users;

    public UpdateUserHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        users.update(caller, IdentityStoreWire.identityStoreId(input), IdentityStoreWire.string(input, "UserId"),
                IdentityStoreWire.operations(input));
        return IdentityStoreWire.empty();
    }
}
