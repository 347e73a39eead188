package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.identitystore.UserProfile;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;
import java.util.List;

/** identitystore DescribeUser: the user's profile as stored, with the extensions asked for. */
public final class DescribeUserHandler implements AdminOperation {
    private final Users users;

    public DescribeUserHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        List<String> extensions = UserProfile.extensionNames(IdentityStoreWire.strings(input, "Extensions"));
        User user = users.describe(storeId, IdentityStoreWire.string(input, "UserId"));
        return IdentityStoreWire.user(user, storeId, extensions);
    }
}
