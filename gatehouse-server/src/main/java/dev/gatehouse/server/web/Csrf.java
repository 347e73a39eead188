package dev.gatehouse.server.web;

import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection by a signed double-submit cookie. A page GET makes sure the
 * browser holds a random {@code gh_csrf} cookie and puts HMAC-SHA256(key, cookie) in the form's
 * {@code csrf} field; a POST is accepted only when the field matches the cookie it came with. A
 * cross-site page can neither read the cookie (HttpOnly, SameSite=Strict) nor compute the HMAC
 * for it (the key never leaves the server).
 */
public final class Csrf {
    public static final String COOKIE = "gh_csrf";
    /** The name of the hidden form field that carries the token. */
    public static final String FIELD = "csrf";

    private static final int COOKIE_BYTES = 32;
    private static final int COOKIE_CHARS = 43; // 32 bytes in unpadded base64url
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param key the secret that signs the cookies (the store's 32-byte instance key) */
    public Csrf(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("The CSRF key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * For a page GET: sets the cookie if the request has none (or a malformed one) and returns the
     * token to put in the form's {@link #FIELD} field.
     */
    public String ensureCookie(HttpServerExchange exchange) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (!wellFormed(cookie)) {
            byte[] random = new byte[COOKIE_BYTES];
            RANDOM.nextBytes(random);
            cookie = BASE64URL.encodeToString(random);
            Cookies.set(exchange, COOKIE, cookie, Cookies.SameSite.STRICT, null);
        }
        return token(cookie);
    }

    /** For a POST: whether {@code formValue} is the token of the request's cookie (constant time). */
    public boolean verify(HttpServerExchange exchange, String formValue) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (!wellFormed(cookie) || formValue == null) {
            return false;
        }
        return MessageDigest.isEqual(token(cookie).getBytes(StandardCharsets.US_ASCII),
                formValue.getBytes(StandardCharsets.UTF_8));
    }

    String token(String cookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64URL.encodeToString(mac.doFinal(cookie.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean wellFormed(String cookie) {
        if (cookie == null || cookie.length() != COOKIE_CHARS) {
            return false;
        }
        for (int i = 0; i < cookie.length(); i++) {
            char c = cookie.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }
}
