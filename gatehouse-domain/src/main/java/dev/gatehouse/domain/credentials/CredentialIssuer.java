package dev.gatehouse.domain.credentials;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.RandomIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues role credentials that live for the permission set's session duration and are kept so that
 * they can be verified later. Access key ids look like AWS temporary keys ({@code ASIA} + 16 base32
 * characters); the secret is HMAC-SHA256(instance key, access key id), so it is never stored. Each
 * issue is audited (account, role, access key id, expiry; never the secret nor the session token).
 */
public final class CredentialIssuer {
    private final GatehouseStore store;
    private final InstantSource clock;
    private final byte[] instanceKey;
    private final AuditTrail audit;

    public CredentialIssuer(GatehouseStore store, InstantSource clock, AuditTrail audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.instanceKey = store.instanceKey().clone();
    }

    /**
     * Role credentials for {@code userName} (the role session name) in one account, from one permission set.
     * The sign-in session is looked at again once the role session is stored: when it was ended meanwhile
     * (an admin ending it, with its role sessions, while this call was under way), the new role session is
     * ended too and the call is UNAUTHORIZED, so that no role session outlives an admin's EndSession.
     */
    public RoleCredentials issue(SignInSession session, String userName, String accountId, PermissionSet permissionSet) {
        Instant now = clock.instant();
        Instant expiration = now.plus(permissionSet.sessionDuration());
        String accessKeyId = "ASIA" + RandomIds.base32(16);
        String sessionToken = RandomIds.base64url(96);
        store.saveRoleSession(new RoleSession(accessKeyId, sha256(sessionToken), accountId, permissionSet.name(),
                userName, session.id(), now, expiration));
        if (store.findSession(session.id()).flatMap(SignInSession::endedAt).isPresent()) {
            store.endRoleSession(accessKeyId, clock.instant());
            throw GatehouseException.unauthorized();
        }
        audit.event(AuditEvent.ROLE_CREDENTIALS_ISSUED).userId(session.userId()).session(session.id())
                .detail("accountId", accountId).detail("role", permissionSet.name())
                .detail("accessKeyId", accessKeyId).detail("expiration", expiration).record();
        return new RoleCredentials(accessKeyId, secretFor(accessKeyId), sessionToken, expiration);
    }

    /** The role session of these credentials, when the key and session token belong together. */
    public Optional<RoleSession> find(String accessKeyId, String sessionToken) {
        byte[] presented = sha256(sessionToken);
        return store.findRoleSession(accessKeyId).filter(r -> MessageDigest.isEqual(presented, r.sessionTokenHash()));
    }

    public String secretFor(String accessKeyId) {
        return Base64.getEncoder().encodeToString(SigV4.hmac(instanceKey, accessKeyId)).substring(0, 40);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
