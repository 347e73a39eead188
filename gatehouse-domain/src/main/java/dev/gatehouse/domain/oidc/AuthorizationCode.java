package dev.gatehouse.domain.oidc;

import java.time.Instant;
import java.util.List;

/**
 * An authorization code issued by the /authorize page for one PKCE request. Kept as a hash; good
 * once, for a few minutes, with the exact redirect URI and a verifier matching the S256 challenge.
 */
public record AuthorizationCode(String id, byte[] codeHash, String clientId, String redirectUri, String codeChallenge,
                                List<String> scopes, String sessionId, Instant createdAt, Instant expiresAt,
                                boolean used) {
    public AuthorizationCode {
        scopes = List.copyOf(scopes);
    }

    public AuthorizationCode markUsed() {
        return new AuthorizationCode(id, codeHash, clientId, redirectUri, codeChallenge, scopes, sessionId, createdAt,
                expiresAt, true);
    }

    @Override
    public String toString() {
        return "AuthorizationCode[" + id + " client=" + clientId + " used=" + used + "]";
    }
}
