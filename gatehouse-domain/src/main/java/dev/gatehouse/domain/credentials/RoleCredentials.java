package dev.gatehouse.domain.credentials;

import java.time.Instant;

/** Temporary credentials for one role session, as handed to the caller once. */
public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    @Override
    public String toString() {
        return "RoleCredentials[" + accessKeyId + " until " + expiration + "]";
    }
}
