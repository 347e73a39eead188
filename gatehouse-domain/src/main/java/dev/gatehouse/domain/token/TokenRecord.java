package dev.gatehouse.domain.token;

import java.time.Instant;

/**
 * What the store keeps of a token: its public id, the SHA-256 of the whole secret (never the
 * secret itself), and the sign-in session it belongs to.
 */
public record TokenRecord(String id, TokenKind kind, byte[] hash, String sessionId, String clientId,
                          Instant issuedAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "TokenRecord[" + kind + " " + id + " session=" + sessionId + "]";
    }
}
