package dev.gatehouse.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The client side of PKCE as the AWS CLI does it. */
public final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERIFIER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private Pkce() {
    }

    /** 64 characters from {@code [A-Za-z0-9-._~]}. */
    public static String newVerifier() {
        StringBuilder verifier = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            verifier.append(VERIFIER_CHARS.charAt(RANDOM.nextInt(VERIFIER_CHARS.length())));
        }
        return verifier.toString();
    }

    /** base64url(SHA-256(verifier)) without padding (43 characters). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
