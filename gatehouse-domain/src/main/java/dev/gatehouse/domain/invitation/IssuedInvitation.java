package dev.gatehouse.domain.invitation;

import java.time.Instant;

/**
 * A new invitation as the admin who made it receives it: the only time the token exists outside the
 * link. {@link #toString()} leaves the token out, so that it never reaches a log by accident.
 *
 * @param token the link's secret, for {@code /invitation?token=…}
 */
public record IssuedInvitation(String token, String userId, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedInvitation[user " + userId + " until " + expiresAt + "]";
    }
}
