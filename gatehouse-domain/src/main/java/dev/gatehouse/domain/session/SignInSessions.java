package dev.gatehouse.domain.session;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.RandomIds;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/** Starts and ends sign-in sessions; an ended session is durable before {@link #end} returns. */
public final class SignInSessions {
    private final Directory directory;
    private final GatehouseStore store;
    private final InstantSource clock;

    public SignInSessions(Directory directory, GatehouseStore store, InstantSource clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    /** Starts a session for a user who has already proved who they are. */
    public SignInSession start(User user) {
        Instant now = clock.instant();
        SignInSession session = new SignInSession(RandomIds.sessionId(), user.id(), now,
                now.plus(directory.signInSessionDuration()), Optional.empty());
        store.createSession(session);
        return session;
    }

    /** The session while it is active and its user still exists (a deleted user's sessions end at once). */
    public Optional<SignInSession> active(String sessionId) {
        Instant now = clock.instant();
        return store.findSession(sessionId).filter(s -> s.isActiveAt(now))
                .filter(s -> directory.userOfSession(s.userId(), s.createdAt()).isPresent());
    }

    /** True once the session was ended (Logout, sign-out); a session that merely ran out is not ended. */
    public boolean ended(String sessionId) {
        return store.findSession(sessionId).flatMap(SignInSession::endedAt).isPresent();
    }

    /**
     * Ends every active session of the user for good (a password reset, an offboarding); every token
     * of them stops working once this returns. Returns how many were ended.
     */
    public int endAllOf(String userId) {
        Instant now = clock.instant();
        int ended = 0;
        for (SignInSession session : store.sessionsOfUser(userId)) {
            if (session.isActiveAt(now)) {
                store.endSession(session.id(), now);
                ended++;
            }
        }
        return ended;
    }

    /** Ends the session for good; every token of it stops working once this returns. */
    public void end(String sessionId) {
        store.endSession(sessionId, clock.instant());
    }
}
