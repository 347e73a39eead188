package dev.gatehouse.server.gatehouseadmin;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.server.wire.SessionAdminWire;
import dev.gatehouse.server.wire.SessionAdminWire.UserRef;

/** The user a GatehouseAdmin call names by {@code UserName} or {@code UserId}, looked up in the live directory. */
final class AdminUsers {
    private AdminUsers() {
    }

    /** The user, or a ResourceNotFoundException of type {@code USER}. */
    static User resolve(Directory directory, UserRef ref) {
        return ref.userName().flatMap(directory::user).or(() -> ref.userId().flatMap(directory::userById))
                .orElseThrow(() -> SessionAdminWire.userNotFound(ref));
    }
}
