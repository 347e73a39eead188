package dev.gatehouse.domain.credentials;

import java.time.Instant;

/**
 * What the store keeps of issued role credentials, enough to verify them later: the access key id,
 * the SHA-256 of the session token, and who they are for. The secret access key is not stored; it is
 * derived again from the access key id with the instance key.
 */
public record RoleSession(String accessKeyId, byte[] sessionTokenHash, String accountId, String roleName,
                          String userName, String signInSessionId, Instant issuedAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "RoleSession[" + accessKeyId + " " + accountId + "/" + roleName + " " + userName + "]";
    }
}
