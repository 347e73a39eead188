package dev.gatehouse.domain.token;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store keeps of a token: its public id, the SHA-256 of the whole secret (never the
 * secret itself), and the sign-in session it belongs to. A refresh token is rotated on use:
 * {@code rotatedAt} is set once, and the token is spent from then on. {@code sourceAddress} is the
 * address of the request it was issued to, when known.
 */
public record TokenRecord(String id, TokenKind kind, byte[] hash, String sessionId, String clientId,
                          Instant issuedAt, Instant expiresAt, Optional<Instant> rotatedAt,
                          Optional<String> sourceAddress) {

    /** A token whose source address was not recorded. */
    public TokenRecord(String id, TokenKind kind, byte[] hash, String sessionId, String clientId,
                       Instant issuedAt, Instant expiresAt, Optional<Instant> rotatedAt) {
        this(id, kind, hash, sessionId, clientId, issuedAt, expiresAt, rotatedAt, Optional.empty());
    }

    public TokenRecord rotated(Instant when) {
        return new TokenRecord(id, kind, hash, sessionId, clientId, issuedAt, expiresAt, Optional.of(when), sourceAddress);
    }

    /** Good now, as far as the token itself goes (its session is checked apart). */
    public boolean isLiveAt(Instant now) {
        return rotatedAt.isEmpty() && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenRecord[" + kind + " " + id + " session=" + sessionId + "]";
    }
}
