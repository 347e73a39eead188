package dev.gatehouse.domain.admin;

import dev.gatehouse.domain.credentials.SigV4;
import java.util.Base64;
import java.util.Optional;

/**
 * The secrets of the admin keys this service makes. SigV4 is symmetric, so the service must be able
 * to compute a key's secret to check its signatures; instead of storing it, the secret is derived
 * from the key id with a root that combines the store's instance key with the operator's
 * {@link AdminKeyPepper}, which the store never holds. Without a pepper the root is the instance key
 * alone, and whoever copies the store can recreate every admin secret: the service says so at start.
 */
public final class AdminKeySecrets {
    /** A secret access key's length, as AWS's. */
    public static final int SECRET_LENGTH = 40;

    private final byte[] root;
    private final boolean peppered;

    private AdminKeySecrets(byte[] root, boolean peppered) {
        this.root = root;
        this.peppered = peppered;
    }

    public static AdminKeySecrets of(byte[] instanceKey, Optional<AdminKeyPepper> pepper) {
        byte[] root = pepper.map(p -> SigV4.hmac(p.bytes(), "gatehouse admin key root\n"
                        + Base64.getEncoder().encodeToString(instanceKey)))
                .orElseGet(instanceKey::clone);
        return new AdminKeySecrets(root, pepper.isPresent());
    }

    /** Whether a pepper takes part: without one, a copy of the store is enough to recreate the secrets. */
    public boolean peppered() {
        return peppered;
    }

    /** The secret of the key with this id: {@value #SECRET_LENGTH} characters of base64. */
    public String secretOf(String accessKeyId) {
        byte[] mac = SigV4.hmac(root, "admin-key\n" + accessKeyId);
        return Base64.getEncoder().encodeToString(mac).substring(0, SECRET_LENGTH);
    }

    @Override
    public String toString() {
        return "AdminKeySecrets[" + (peppered ? "peppered" : "instance key only") + "]";
    }
}
