package dev.gatehouse.domain.token;

import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.session.SessionActivity;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Issues bearer tokens bound to a sign-in session and checks presented ones. A token is good only
 * while its own lifetime lasts and its sign-in session is active, so ending the session ends
 * every token of it in one write.
 */
public final class Tokens {
    /** How long an access token lives, as IAM Identity Center's sso-session tokens do. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private final GatehouseStore store;
    private final InstantSource clock;
    private final IdleTimeout idle;
    private final SessionActivity activity;

    public Tokens(GatehouseStore store, InstantSource clock, SessionActivity activity) {
        this.store = store;
        this.clock = clock;
        this.idle = new IdleTimeout(store, clock);
        this.activity = activity;
    }

    public Tokens(GatehouseStore store, InstantSource clock) {
        this(store, clock, new SessionActivity(store, clock));
    }

    public IssuedToken issueAccessToken(SignInSession session, String clientId) {
        return issue(TokenKind.ACCESS, session, clientId, ACCESS_TOKEN_LIFETIME);
    }

    /** An access token and a refresh token that lasts as long as the sign-in session. */
    public TokenSet issueTokenSet(SignInSession session, String clientId) {
        IssuedToken access = issueAccessToken(session, clientId);
        IssuedToken refresh = issue(TokenKind.REFRESH, session, clientId, Duration.between(clock.instant(), session.expiresAt()));
        // the access token is cut short when the sign-in session ends sooner than its hour
        return new TokenSet(access, refresh, Duration.between(access.record().issuedAt(), access.expiresAt()));
    }

    /** The browser's session cookie value, good for the rest of the sign-in session. */
    public IssuedToken issueBrowserToken(SignInSession session) {
        return issue(TokenKind.BROWSER, session, "browser", Duration.between(clock.instant(), session.expiresAt()));
    }

    /** The record of a presented token of this kind whose secret matches, whatever its state. */
    public Optional<TokenRecord> find(TokenKind kind, String presented) {
        return BearerToken.parse(kind, presented)
                .flatMap(token -> store.findToken(token.id()).filter(r -> r.kind() == kind && token.matches(r.hash())));
    }

    private IssuedToken issue(TokenKind kind, SignInSession session, String clientId, Duration lifetime) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        if (expiresAt.isAfter(session.expiresAt())) {
            expiresAt = session.expiresAt();
        }
        BearerToken token = BearerToken.generate(kind);
        TokenRecord record = new TokenRecord(token.id(), kind, token.hash(), session.id(), clientId, now, expiresAt,
                Optional.empty(), RequestOrigin.current().sourceAddress());
        store.saveToken(record);
        return new IssuedToken(token, record);
    }

    /** The token's record and its active session, or empty when the token is not good now. */
    public Optional<Verified> verify(TokenKind kind, String presented) {
        Instant now = clock.instant();
        return BearerToken.parse(kind, presented)
                .flatMap(token -> store.findTokenWithSession(token.id())
                        .filter(found -> found.token().kind() == kind && token.matches(found.token().hash())))
                .filter(found -> now.isBefore(found.token().expiresAt()) && found.token().rotatedAt().isEmpty())
                .flatMap(found -> found.session()
                        .filter(s -> s.isActiveAt(now))
                        .map(s -> {
                            activity.used(s);
                            return new Verified(found.token(), s);
                        }));
    }

    /**
     * As {@link #verify}, for a token that also stops working once unused for {@code idleTimeout} (the
     * browser's session cookie); this check counts as a use. Only the token ends so: its sign-in session,
     * and the session's other tokens, go on.
     */
    public Optional<Verified> verifyInUse(TokenKind kind, String presented, Duration idleTimeout) {
        return verify(kind, presented).filter(found -> idle.use(found.token(), idleTimeout));
    }

    /** A token that checked out, with the session it belongs to. */
    public record Verified(TokenRecord token, SignInSession session) {
    }
}
