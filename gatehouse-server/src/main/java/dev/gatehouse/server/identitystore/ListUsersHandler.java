package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.identitystore.Page;
import dev.gatehouse.domain.identitystore.UserProfile;
import dev.gatehouse.domain.identitystore.Users;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.IdentityStoreWire;
import java.util.List;

/** identitystore ListUsers: a page of users, optionally filtered on UserName. */
public final class ListUsersHandler implements AdminOperation {
    private final Users users;

    public ListUsersHandler(Users users) {
        this.users = users;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String storeId = IdentityStoreWire.identityStoreId(input);
        List<String> extensions = UserProfile.extensionNames(IdentityStoreWire.strings(input, "Extensions"));
        Page<User> page = users.list(storeId, IdentityStoreWire.integer(input, "MaxResults"),
                IdentityStoreWire.string(input, "NextToken"), IdentityStoreWire.filters(input));
        return IdentityStoreWire.page("Users", page, u -> IdentityStoreWire.user(u, storeId, extensions));
    }
}
