package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.domain.token.Tokens;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateToken with {@code refresh_token}, checked in this order: the token is one of ours and of
 * this client; its sign-in session is active (a logged-out session's refresh tokens are dead); it
 * is not expired; it has not been used before — a rotated refresh token presented again means it
 * was copied, so the whole sign-in session is ended (theft detection). Otherwise it is rotated:
 * spent, and a new access and refresh token are issued. The audit trail gets TokenRefreshed, or
 * TokenReused when theft detection ended the session.
 */
public final class RefreshTokenGrant {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenGrant.class);

    private final GatehouseStore store;
    private final SignInSessions sessions;
    private final Tokens tokens;
    private final InstantSource clock;
    private final AuditTrail audit;

    public RefreshTokenGrant(GatehouseStore store, SignInSessions sessions, Tokens tokens, InstantSource clock,
                             AuditTrail audit) {
        this.store = store;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    public TokenSet exchange(RegisteredClient client, String refreshToken) {
        ClientRegistry.required(refreshToken, "refreshToken");
        TokenRecord found = tokens.find(TokenKind.REFRESH, refreshToken)
                .filter(r -> r.clientId().equals(client.clientId()))
                .orElseThrow(() -> GatehouseException.of(ErrorCode.INVALID_GRANT, "Invalid refresh token"));
        SignInSession session = sessions.active(found.sessionId()).orElseThrow(() ->
                GatehouseException.of(ErrorCode.INVALID_GRANT, "The sign-in session has ended; sign in again"));
        Instant now = clock.instant();
        if (!now.isBefore(found.expiresAt())) {
            throw GatehouseException.of(ErrorCode.INVALID_GRANT, "The refresh token has expired; sign in again");
        }
        try {
            store.updateToken(found.id(), current -> {
                if (current.rotatedAt().isPresent()) {
                    throw GatehouseException.of(ErrorCode.INVALID_GRANT, "reused");
                }
                return current.rotated(now);
            });
        } catch (GatehouseException e) {
            if (e.code() == ErrorCode.INVALID_GRANT) {
                LOG.warn("Refresh token {} of session {} was used again after rotation; ending the session",
                        found.id(), session.id());
                sessions.end(session.id());
                audit.event(AuditEvent.TOKEN_REUSED).outcome(AuditOutcome.FAILURE).userId(session.userId())
                        .session(session.id()).client(client.clientName(), client.clientId())
                        .detail("what", "refresh_token").record();
                throw GatehouseException.of(ErrorCode.INVALID_GRANT,
                        "This refresh token was already used; the sign-in session has been ended. Sign in again");
            }
            throw e;
        }
        TokenSet issued = tokens.issueTokenSet(session, client.clientId());
        audit.event(AuditEvent.TOKEN_REFRESHED).userId(session.userId()).session(session.id())
                .client(client.clientName(), client.clientId()).record();
        return issued;
    }
}
