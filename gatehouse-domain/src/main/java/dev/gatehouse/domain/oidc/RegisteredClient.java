package dev.gatehouse.domain.oidc;

import java.time.Instant;
import java.util.List;

/**
 * A public OIDC client (the AWS CLI, an SDK, {@code gatehouse login}) as registered by
 * RegisterClient. Its secret is kept only as a SHA-256 hash.
 */
public record RegisteredClient(String clientId, byte[] secretHash, String clientName, String clientType,
                               List<String> scopes, List<String> redirectUris, List<String> grantTypes,
                               Instant issuedAt, Instant expiresAt) {
    public RegisteredClient {
        scopes = List.copyOf(scopes);
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "RegisteredClient[" + clientId + " " + clientName + "]";
    }
}
