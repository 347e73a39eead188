package dev.gatehouse.domain.admin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The operator's secret that admin key secrets are derived with, beside the store's instance key. It
 * is given to every instance at start (the {@code serve} command reads it from the environment or a
 * file) and is never stored, so that a copy of the store alone cannot recreate any admin secret.
 * Every instance on one store must be given the same pepper; changing it retires every admin key the
 * service made (the directory file's bootstrap keys carry their own secrets and are not affected).
 */
public final class AdminKeyPepper {
    /** Fewer characters than this would let a stolen store's owner try peppers until one fits. */
    public static final int MIN_LENGTH = 32;

    private final byte[] bytes;

    private AdminKeyPepper(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The pepper of this text (its UTF-8 bytes, without surrounding white space).
     *
     * @throws IllegalArgumentException when it is shorter than {@link #MIN_LENGTH} characters; the
     *     message says so without repeating the text
     */
    public static AdminKeyPepper of(String text) {
        String pepper = text.strip();
        if (pepper.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin key pepper must be at least " + MIN_LENGTH
                    + " characters long (it has " + pepper.length() + "); make one with: openssl rand -base64 48");
        }
        return new AdminKeyPepper(pepper.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdminKeyPepper p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AdminKeyPepper[redacted]";
    }
}
