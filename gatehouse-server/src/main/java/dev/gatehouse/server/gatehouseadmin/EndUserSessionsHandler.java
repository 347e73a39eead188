package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SessionAdminWire;

/**
 * GatehouseAdmin.EndUserSessions {@code {UserName | UserId, EndRoleSessions?}}: ends every active
 * sign-in session of the user (offboarding, incident response) and, when asked, every live role
 * session issued from any of their sessions. The admin key that asked is named in the audit trail.
 */
public final class EndUserSessionsHandler implements AdminOperation {
    private final Directory directory;
    private final UserSessions sessions;

    public EndUserSessionsHandler(Directory directory, UserSessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        User user = AdminUsers.resolve(directory, SessionAdminWire.userRef(input));
        return SessionAdminWire.userSessionsEnded(user,
                sessions.endAllByAdmin(user.id(), caller.accessKeyId(), SessionAdminWire.endRoleSessions(input)));
    }
}
