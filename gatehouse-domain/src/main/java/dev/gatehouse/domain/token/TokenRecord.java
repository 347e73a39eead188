package dev.gatehouse.domain.token;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store keeps of a token: its public id, the SHA-256 of the whole secret (never the
 * secret itself), and the sign-in session it belongs to. A refresh token is rotated on use:
 * {@code rotatedAt} is set once, and the token is spent from then on.
 */
public record TokenRecord(String id, TokenKind kind, byte[] hash, String sessionId, String clientId,
                          Instant issuedAt, Instant expiresAt, Optional<Instant> rotatedAt) {

    public TokenRecord rotated(Instant when) {
        return new TokenRecord(id, kind, hash, sessionId, clientId, issuedAt, expiresAt, Optional.of(when));
    }

    @Override
    public String toString() {
        return "TokenRecord[" + kind + " " + id + " session=" + sessionId + "]";
    }
}
