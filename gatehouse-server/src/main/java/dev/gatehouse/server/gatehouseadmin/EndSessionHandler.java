package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SessionAdminWire;

/**
 * GatehouseAdmin.EndSession {@code {SessionId, EndRoleSessions?}}: ends the sign-in session at once on
 * every instance (its access, refresh and browser tokens are refused from the next call) and, when
 * asked, the live role sessions issued from it. Idempotent: a session already ended or expired
 * answers {@code SessionsEnded: 0}. The admin key that asked is named in the audit trail.
 */
public final class EndSessionHandler implements AdminOperation {
    private final UserSessions sessions;

    public EndSessionHandler(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        String sessionId = SessionAdminWire.sessionId(input);
        boolean roleSessionsToo = SessionAdminWire.endRoleSessions(input);
        if (sessions.find(sessionId).isEmpty()) {
            throw SessionAdminWire.sessionNotFound(sessionId);
        }
        return SessionAdminWire.sessionEnded(sessionId,
                sessions.endByAdmin(sessionId, caller.accessKeyId(), roleSessionsToo));
    }
}
