package dev.gatehouse.domain.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The keys of store {@link Counter}s: a kind, then a SHA-256 of what is counted. What people type as
 * a user name is sometimes a password, so it is kept only hashed, never as typed; addresses, sign-in
 * session ids, TOTP ticket ids and token ids are hashed the same way, so that every counter key has
 * one form.
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
