package dev.gatehouse.client.sigv4;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * The AWS credentials a request is signed with: an access key id, its secret, and for temporary
 * credentials a session token (sent as {@code X-Amz-Security-Token}); {@code toString} shows the id only.
 *
 * @param sessionToken null for long-term keys (admin keys are)
 */
public record SigningCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("the access key id and the secret access key must not be blank");
        }
    }

    /** A long-term key, without a session token. */
    public static SigningCredentials of(String accessKeyId, String secretAccessKey) {
        return new SigningCredentials(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "SigningCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Redact.secret(secretAccessKey)
                + ", sessionToken=" + (sessionToken == null ? "null" : Redact.MASK) + "]";
    }
}
