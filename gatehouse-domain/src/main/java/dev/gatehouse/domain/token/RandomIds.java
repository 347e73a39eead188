package dev.gatehouse.domain.token;

import java.security.SecureRandom;
import java.util.Base64;

/** Unpredictable identifiers and secrets, all from one {@link SecureRandom}. */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private RandomIds() {
    }

    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public static String base64url(int randomBytes) {
        return BASE64URL.encodeToString(bytes(randomBytes));
    }

    /** Upper-case base32 characters, as in AWS access key ids. */
    public static String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }

    public static String sessionId() {
        String id = base64url(16);
        // never '-' first, so that a command line never takes the id for an option
        return id.startsWith("-") ? sessionId() : id;
    }
}
