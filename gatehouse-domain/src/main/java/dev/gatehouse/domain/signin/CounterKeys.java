package dev.gatehouse.domain.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Store keys for the sign-in counters. What people type as a user name is sometimes a password, so
 * it is kept only as a SHA-256, never as typed; addresses (and, for the device page, sign-in session
 * ids) are hashed the same way.
 */
public final class CounterKeys {
    private CounterKeys() {
    }

    public static String of(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
