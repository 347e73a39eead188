package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;
import java.time.Instant;

/**
 * Temporary AWS credentials of a role.
 *
 * @param accessKeyId     temporary keys start with {@code ASIA}
 * @param secretAccessKey secret
 * @param sessionToken    secret
 * @param expiration      when they stop working (the wire sends epoch milliseconds); null if absent
 */
public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    @Override
    public String toString() {
        return "RoleCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Redact.secret(secretAccessKey)
                + ", sessionToken=" + Redact.secret(sessionToken) + ", expiration=" + expiration + "]";
    }
}
