package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.domain.token.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateToken with {@code authorization_code} and PKCE (RFC 7636, S256 only), checked in this order:
 * the code is one of ours and of this client; it is spent now, whatever follows (a code is good
 * once); not expired; the redirect URI is exactly the one of the request; the verifier hashes to the
 * challenge; the sign-in session is still active.
 *
 * <p>A spent code presented again means it leaked (RFC 6749 §4.1.2, RFC 9700 §4.5): the tokens
 * issued from it are revoked by ending the sign-in session that approved the code, as a reused
 * refresh token does. Tokens are checked against their session on every use, and the first refresh
 * token may already have been rotated into tokens the code knows nothing of; the session is the one
 * handle on all of them, ended in one write. Only a holder of both the code and the client's secret
 * can do this, and the price is a sign-in again for that person's browser and tools. The audit trail
 * gets TokenIssued, or TokenReused for a spent code presented again.
 */
public final class AuthorizationCodeGrant {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodeGrant.class);

    private final GatehouseStore store;
    private final SignInSessions sessions;
    private final Tokens tokens;
    private final InstantSource clock;
    private final AuditTrail audit;

    public AuthorizationCodeGrant(GatehouseStore store, SignInSessions sessions, Tokens tokens, InstantSource clock,
                                  AuditTrail audit) {
        this.store = store;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    public TokenSet exchange(RegisteredClient client, String code, String redirectUri, String codeVerifier) {
        ClientRegistry.required(code, "code");
        ClientRegistry.required(redirectUri, "redirectUri");
        ClientRegistry.required(codeVerifier, "codeVerifier");
        BearerToken presented = BearerToken.parse(TokenKind.AUTHORIZATION_CODE, code).orElseThrow(AuthorizationCodeGrant::invalid);
        AuthorizationCode found = store.findAuthorizationCode(presented.id())
                .filter(c -> presented.matches(c.codeHash()) && c.clientId().equals(client.clientId()))
                .orElseThrow(AuthorizationCodeGrant::invalid);
        AtomicBoolean reused = new AtomicBoolean();
        AuthorizationCode spent = store.updateAuthorizationCode(found.id(), current -> {
            reused.set(current.used());
            return current.used() ? current : current.markUsed();
        }).orElseThrow(AuthorizationCodeGrant::invalid);
        if (reused.get()) {
            LOG.warn("Authorization code {} of session {} was presented again; ending the session",
                    spent.id(), spent.sessionId());
            sessions.end(spent.sessionId());
            audit.event(AuditEvent.TOKEN_REUSED).outcome(AuditOutcome.FAILURE)
                    .userId(sessions.find(spent.sessionId()).map(SignInSession::userId).orElse(null))
                    .session(spent.sessionId()).client(client.clientName(), client.clientId())
                    .detail("what", "authorization_code").record();
            throw GatehouseException.of(ErrorCode.INVALID_GRANT, "The authorization code has already been used; "
                    + "the tokens issued for it have been revoked. Sign in again");
        }
        Instant now = clock.instant();
        if (!now.isBefore(spent.expiresAt())) {
            throw GatehouseException.of(ErrorCode.EXPIRED_TOKEN, "The authorization code has expired");
        }
        if (!spent.redirectUri().equals(redirectUri)) {
            throw GatehouseException.of(ErrorCode.INVALID_GRANT, "redirectUri does not match the authorization request");
        }
        if (!codeVerifier.matches("[A-Za-z0-9._~-]{43,128}")
                || !MessageDigest.isEqual(s256(codeVerifier), spent.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw GatehouseException.of(ErrorCode.INVALID_GRANT, "codeVerifier does not match the code challenge");
        }
        SignInSession session = sessions.active(spent.sessionId()).orElseThrow(() ->
                GatehouseException.of(ErrorCode.INVALID_GRANT, "The sign-in session that approved this code has ended"));
        TokenSet issued = tokens.issueTokenSet(session, client.clientId());
        audit.event(AuditEvent.TOKEN_ISSUED).userId(session.userId()).session(session.id())
                .client(client.clientName(), client.clientId()).detail("grant", "authorization_code").record();
        return issued;
    }

    private static byte[] s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GatehouseException invalid() {
        return GatehouseException.of(ErrorCode.INVALID_GRANT, "Invalid authorization code");
    }
}
