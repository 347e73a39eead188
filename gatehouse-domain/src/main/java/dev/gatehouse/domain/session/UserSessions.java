package dev.gatehouse.domain.session;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The sessions of a user, seen and ended by an admin (the GatehouseAdmin API and {@code gatehouse admin
 * sessions}) or by the user themselves (the portal's sessions page). Ending is one durable write per
 * session, and every token of an ended session is refused from then on, on every instance: tokens are
 * checked against their session on each use. An admin may also end the role sessions issued from a
 * session, whatever the permission set's {@code revokeRoleSessionsOnLogout}: those of sessions already
 * ended or expired too, since role credentials outlive the session they came from.
 */
public final class UserSessions {
    static final String BROWSER_CLIENT = "browser";

    private final SignInSessions sessions;
    private final SessionActivity activity;
    private final GatehouseStore store;
    private final AuditTrail audit;
    private final InstantSource clock;

    public UserSessions(SignInSessions sessions, SessionActivity activity, GatehouseStore store, AuditTrail audit,
                        InstantSource clock) {
        this.sessions = sessions;
        this.activity = activity;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user's active sessions, oldest first, each with its last use, live tokens and live role sessions. */
    public List<SessionView> activeOf(String userId) {
        return sessions.activeOf(userId).stream().map(this::view).toList();
    }

    /** True while the store holds any session of this user id, in whatever state (a deleted user's too). */
    public boolean holdsSessionsOf(String userId) {
        return !store.sessionsOfUser(userId).isEmpty();
    }

    /** One session of any user, in whatever state; empty when the store does not hold it. */
    public Optional<SessionView> find(String sessionId) {
        return sessions.find(sessionId).map(this::view);
    }

    /** The tokens of an ended or expired session are dead with it; its role sessions may live on. */
    private SessionView view(SignInSession session) {
        Instant now = clock.instant();
        List<TokenView> tokens = !session.isActiveAt(now) ? List.of() : store.tokensOfSession(session.id()).stream()
                .filter(t -> t.isLiveAt(now) && isShown(t.kind()))
                .map(this::tokenView).toList();
        int roleSessions = (int) store.roleSessionsOfSignInSession(session.id()).stream()
                .filter(r -> r.isLiveAt(now)).count();
        return new SessionView(session, activity.lastUsed(session), tokens, roleSessions);
    }

    private static boolean isShown(TokenKind kind) {
        return kind == TokenKind.ACCESS || kind == TokenKind.REFRESH || kind == TokenKind.BROWSER;
    }

    private TokenView tokenView(TokenRecord token) {
        Optional<String> clientName = token.clientId().equals(BROWSER_CLIENT) ? Optional.of(BROWSER_CLIENT)
                : store.findClient(token.clientId()).map(RegisteredClient::clientName);
        return new TokenView(token.kind(), token.clientId(), clientName, token.issuedAt(), token.expiresAt(),
                token.sourceAddress());
    }

    /**
     * An admin ends one session (when active) and, with {@code roleSessionsToo}, the live role sessions
     * issued from it (whether or not the session is still active). Unknown session: ResourceNotFound.
     *
     * @param adminKeyId the admin key that asked, for the audit trail
     */
    public SessionEnding endByAdmin(String sessionId, String adminKeyId, boolean roleSessionsToo) {
        SignInSession session = sessions.find(sessionId).orElseThrow(() -> GatehouseException.of(
                ErrorCode.RESOURCE_NOT_FOUND, "No sign-in session " + sessionId));
        return endByAdmin(session, adminKeyId, roleSessionsToo);
    }

    /**
     * An admin ends every active session of a user and, with {@code roleSessionsToo}, every live role
     * session issued from any session of theirs the store still holds.
     */
    public SessionEnding endAllByAdmin(String userId, String adminKeyId, boolean roleSessionsToo) {
        int ended = 0;
        int roleSessionsEnded = 0;
        for (SignInSession session : store.sessionsOfUser(userId)) {
            SessionEnding one = endByAdmin(session, adminKeyId, roleSessionsToo);
            ended += one.sessionsEnded();
            roleSessionsEnded += one.roleSessionsEnded();
        }
        return new SessionEnding(ended, roleSessionsEnded);
    }

    private SessionEnding endByAdmin(SignInSession session, String adminKeyId, boolean roleSessionsToo) {
        Instant now = clock.instant();
        int ended = 0;
        if (session.isActiveAt(now)) {
            store.endSession(session.id(), now);
            ended = 1;
            audit.event(AuditEvent.SESSION_ENDED_BY_ADMIN).userId(session.userId()).session(session.id())
                    .detail("adminKeyId", adminKeyId).record();
        }
        int roleSessionsEnded = 0;
        if (roleSessionsToo) {
            for (RoleSession roleSession : store.roleSessionsOfSignInSession(session.id())) {
                if (roleSession.isLiveAt(now)) {
                    store.endRoleSession(roleSession.accessKeyId(), now);
                    roleSessionsEnded++;
                    audit.event(AuditEvent.ROLE_SESSIONS_ENDED_BY_ADMIN).userId(session.userId())
                            .session(session.id()).detail("adminKeyId", adminKeyId)
                            .detail("accessKeyId", roleSession.accessKeyId())
                            .detail("accountId", roleSession.accountId()).detail("role", roleSession.roleName())
                            .record();
                }
            }
        }
        return new SessionEnding(ended, roleSessionsEnded);
    }

    /**
     * The user ends one of their own sessions from the portal. A session that is not theirs is answered
     * as one that does not exist; ending an inactive one does nothing. True when this call ended it.
     */
    public boolean endByUser(String userId, String sessionId) {
        Instant now = clock.instant();
        Optional<SignInSession> session = sessions.find(sessionId).filter(s -> s.userId().equals(userId));
        if (session.isEmpty()) {
            throw GatehouseException.of(ErrorCode.RESOURCE_NOT_FOUND, "No such session");
        }
        if (!session.get().isActiveAt(now)) {
            return false;
        }
        store.endSession(sessionId, now);
        audit.event(AuditEvent.SESSION_ENDED_BY_USER).userId(userId).session(sessionId).record();
        return true;
    }
}
