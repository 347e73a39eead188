package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SessionAdminWire;

/**
 * GatehouseAdmin.EndUserSessions {@code {UserName | UserId, EndRoleSessions?}}: ends every active
 * sign-in session of the user (offboarding, incident response) and, when asked, every live role
 * session issued from any of their sessions. The admin key that asked is named in the audit trail.
 * A {@code UserId} of a user already deleted is accepted while the store still holds sessions of
 * theirs, so that the role credentials they took before the deletion can still be ended.
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
        SessionAdminWire.UserRef ref = SessionAdminWire.userRef(input);
        String userId = ref.userId().filter(id -> directory.userById(id).isEmpty() && sessions.holdsSessionsOf(id))
                .orElseGet(() -> AdminUsers.resolve(directory, ref).id());
        return SessionAdminWire.userSessionsEnded(userId,
                sessions.endAllByAdmin(userId, caller.accessKeyId(), SessionAdminWire.endRoleSessions(input)));
    }
}
