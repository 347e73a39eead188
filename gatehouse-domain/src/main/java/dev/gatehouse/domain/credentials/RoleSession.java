package dev.gatehouse.domain.credentials;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store keeps of issued role credentials, enough to verify them later: the access key id,
 * the SHA-256 of the session token, and who they are for. The secret access key is not stored; it is
 * derived again from the access key id with the instance key. {@code endedAt} is set when an admin
 * ended the role session before its expiry; it never clears.
 */
public record RoleSession(String accessKeyId, byte[] sessionTokenHash, String accountId, String roleName,
                          String userName, String signInSessionId, Instant issuedAt, Instant expiresAt,
                          Optional<Instant> endedAt) {

    public RoleSession(String accessKeyId, byte[] sessionTokenHash, String accountId, String roleName,
                       String userName, String signInSessionId, Instant issuedAt, Instant expiresAt) {
        this(accessKeyId, sessionTokenHash, accountId, roleName, userName, signInSessionId, issuedAt, expiresAt,
                Optional.empty());
    }

    public boolean isLiveAt(Instant now) {
        return endedAt.isEmpty() && now.isBefore(expiresAt);
    }

    public RoleSession endedAt(Instant when) {
        return new RoleSession(accessKeyId, sessionTokenHash, accountId, roleName, userName, signInSessionId, issuedAt,
                expiresAt, Optional.of(when));
    }

    @Override
    public String toString() {
        return "RoleSession[" + accessKeyId + " " + accountId + "/" + roleName + " " + userName + "]";
    }
}
