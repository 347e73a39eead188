package dev.gatehouse.domain.session;

import java.time.Instant;
import java.util.Optional;

/**
 * A user's sign-in: every token hangs off one. Once {@code endedAt} is set it never clears.
 * {@code userId} names the user by id (sessions made before the directory was live name them by
 * user name; see {@code Directory.userOfSession}).
 */
public record SignInSession(String id, String userId, Instant createdAt, Instant expiresAt,
                            Optional<Instant> endedAt, SessionOrigin origin) {

    /** A session whose origin was not recorded. */
    public SignInSession(String id, String userId, Instant createdAt, Instant expiresAt, Optional<Instant> endedAt) {
        this(id, userId, createdAt, expiresAt, endedAt, SessionOrigin.UNRECORDED);
    }

    public boolean isActiveAt(Instant now) {
        return endedAt.isEmpty() && now.isBefore(expiresAt);
    }

    public SignInSession endedAt(Instant when) {
        return new SignInSession(id, userId, createdAt, expiresAt, Optional.of(when), origin);
    }
}
