package dev.gatehouse.domain.session;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.RandomIds;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Starts and ends sign-in sessions; an ended session is durable before {@link #end} returns. A user
 * has at most {@code maxSessionsPerUser} active sessions: starting one more ends the oldest, and the
 * audit trail says so.
 */
public final class SignInSessions {
    /** The default cap on a user's active sign-in sessions: generous, a safeguard rather than a rule. */
    public static final int DEFAULT_MAX_SESSIONS_PER_USER = 100;
    /** No cap: starting a session reads none of the user's other sessions. */
    public static final int NO_CAP = Integer.MAX_VALUE;

    private final Directory directory;
    private final GatehouseStore store;
    private final InstantSource clock;
    private final AuditTrail audit;
    private final int maxSessionsPerUser;

    public SignInSessions(Directory directory, GatehouseStore store, InstantSource clock, AuditTrail audit,
                          int maxSessionsPerUser) {
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException("maxSessionsPerUser must be at least 1, not " + maxSessionsPerUser);
        }
        this.directory = directory;
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.maxSessionsPerUser = maxSessionsPerUser;
    }

    /** No audit sinks and the default cap: for tests and tools. */
    public SignInSessions(Directory directory, GatehouseStore store, InstantSource clock) {
        this(directory, store, clock, new AuditTrail(directory, clock, AuditTrail.DEFAULT_RETENTION),
                DEFAULT_MAX_SESSIONS_PER_USER);
    }

    /** Starts a session for a user who has already proved who they are. */
    public SignInSession start(User user, SessionOrigin origin) {
        Instant now = clock.instant();
        SignInSession session = new SignInSession(RandomIds.sessionId(), user.id(), now,
                now.plus(directory.signInSessionDuration()), Optional.empty(), origin);
        store.createSession(session);
        enforceCap(user, session);
        return session;
    }

    /** {@link #start(User, SessionOrigin)} with no recorded origin (tests, tools). */
    public SignInSession start(User user) {
        return start(user, SessionOrigin.UNRECORDED);
    }

    /**
     * Ends the user's oldest other sessions while, with the one just started, they have more than the
     * cap. Only sessions started no later than this one are ended: one started after it (a concurrent
     * sign-in, on this instance or another) ends this one by the same rule, rather than the two ending
     * each other.
     */
    private void enforceCap(User user, SignInSession started) {
        if (maxSessionsPerUser == NO_CAP) {
            return;
        }
        Instant now = clock.instant();
        List<SignInSession> others = store.sessionsOfUser(user.id()).stream()
                .filter(s -> s.isActiveAt(now) && !s.id().equals(started.id())).toList();
        List<SignInSession> older = others.stream()
                .filter(s -> !s.createdAt().isAfter(started.createdAt())).toList();
        int excess = Math.min(others.size() + 1 - maxSessionsPerUser, older.size());
        for (int i = 0; i < excess; i++) {
            SignInSession oldest = older.get(i);
            store.endSession(oldest.id(), now);
            audit.event(AuditEvent.SESSION_ENDED_BY_CAP).user(user).session(oldest.id())
                    .detail("maxSessionsPerUser", maxSessionsPerUser).detail("newSessionId", started.id()).record();
        }
    }

    /** The session while it is active and its user still exists (a deleted user's sessions end at once). */
    public Optional<SignInSession> active(String sessionId) {
        Instant now = clock.instant();
        return store.findSession(sessionId).filter(s -> s.isActiveAt(now))
                .filter(s -> directory.userOfSession(s.userId(), s.createdAt()).isPresent());
    }

    /** The session as stored, in whatever state. */
    public Optional<SignInSession> find(String sessionId) {
        return store.findSession(sessionId);
    }

    /** True once the session was ended (Logout, sign-out); a session that merely ran out is not ended. */
    public boolean ended(String sessionId) {
        return store.findSession(sessionId).flatMap(SignInSession::endedAt).isPresent();
    }

    /** The user's active sessions, oldest first. */
    public List<SignInSession> activeOf(String userId) {
        Instant now = clock.instant();
        return store.sessionsOfUser(userId).stream().filter(s -> s.isActiveAt(now)).toList();
    }

    /**
     * Ends every active session of the user for good because the directory changed them (a password
     * set, the user deleted); every token of them stops working once this returns. Audited, with the
     * reason and the count, when any was ended. Returns the sessions ended.
     *
     * @param user   the user as they were (a deleted one is no longer in the directory to name them)
     * @param reason why, a short word for the audit trail: {@code password_set}, {@code user_deleted}
     */
    public List<SignInSession> endAllOf(User user, String reason) {
        Instant now = clock.instant();
        List<SignInSession> ended = activeOf(user.id());
        for (SignInSession session : ended) {
            store.endSession(session.id(), now);
        }
        if (!ended.isEmpty()) {
            audit.event(AuditEvent.SESSIONS_ENDED_BY_DIRECTORY).user(user).detail("reason", reason)
                    .detail("count", ended.size()).record();
        }
        return ended;
    }

    /** Ends the session for good; every token of it stops working once this returns. */
    public void end(String sessionId) {
        store.endSession(sessionId, clock.instant());
    }
}
