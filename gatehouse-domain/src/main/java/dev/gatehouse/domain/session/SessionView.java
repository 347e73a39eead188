package dev.gatehouse.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sign-in session as an admin, or its user on the portal, sees it: the session, when it was last
 * used, its live tokens (never their secrets) and how many role sessions issued from it are live.
 */
public record SessionView(SignInSession session, Optional<Instant> lastUsedAt, List<TokenView> liveTokens,
                          int liveRoleSessions) {
    public SessionView {
        liveTokens = List.copyOf(liveTokens);
    }
}
