package dev.gatehouse.server.web;

import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection by a signed double-submit cookie, bound to the browser's
 * sign-in. A page GET makes sure the browser holds a random {@code gh_csrf} cookie and puts
 * HMAC-SHA256(key, cookie and session cookie) in the form's {@code csrf} field, where the session
 * cookie is the browser's sign-in cookie as presented (none before sign-in); a POST is accepted only
 * when the field matches both cookies it came with. A cross-site page can neither read the cookies
 * (HttpOnly, SameSite=Strict) nor compute the HMAC (the key never leaves the server); a pair taken
 * from another browser, or from before a sign-in, does not pass beside someone's session cookie; and
 * sign-in and sign-out give the browser a fresh cookie ({@link #renew}). Over TLS the cookie is
 * {@code __Host-gh_csrf} (see {@link Cookies}), so no other host can plant one.
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
    private final Function<HttpServerExchange, String> sessionCookie;

    /**
     * @param key the secret that signs the cookies (the store's 32-byte instance key)
     * @param sessionCookie the request's sign-in cookie as presented, or null when it has none
     */
    public Csrf(byte[] key, Function<HttpServerExchange, String> sessionCookie) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("The CSRF key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.sessionCookie = sessionCookie;
    }

    /**
     * For a page GET: sets the cookie if the request has none (or a malformed one) and returns the
     * token to put in the form's {@link #FIELD} field.
     */
    public String ensureCookie(HttpServerExchange exchange) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (!wellFormed(cookie)) {
            cookie = renew(exchange);
        }
        return token(cookie, sessionCookie.apply(exchange));
    }

    /**
     * Gives the browser a fresh cookie, so that no token made before (for instance one planted before
     * a sign-in) passes any more; returns it. Call on sign-in and sign-out, and render no form after it
     * in the same answer (the form would carry the old cookie's token).
     */
    public String renew(HttpServerExchange exchange) {
        byte[] random = new byte[COOKIE_BYTES];
        RANDOM.nextBytes(random);
        String cookie = BASE64URL.encodeToString(random);
        Cookies.set(exchange, COOKIE, cookie, Cookies.SameSite.STRICT, null);
        return cookie;
    }

    /** For a POST: whether {@code formValue} is the token of the request's cookies (constant time). */
    public boolean verify(HttpServerExchange exchange, String formValue) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (!wellFormed(cookie) || formValue == null) {
            return false;
        }
        return MessageDigest.isEqual(token(cookie, sessionCookie.apply(exchange)).getBytes(StandardCharsets.US_ASCII),
                formValue.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret of this browser, the same on each of its requests until {@link #renew}: the cookie's
     * random value (never shown on a page), to bind short-lived things such as the sign-in's TOTP
     * ticket to the browser. Null when the request has no well-formed cookie.
     */
    public String browserKey(HttpServerExchange exchange) {
        String cookie = Cookies.get(exchange, COOKIE);
        return wellFormed(cookie) ? cookie : null;
    }

    private String token(String cookie, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // both are cookie values (no newline), so the pair is unambiguous
            String bound = cookie + "\n" + (session == null ? "" : session);
            return BASE64URL.encodeToString(mac.doFinal(bound.getBytes(StandardCharsets.US_ASCII)));
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
