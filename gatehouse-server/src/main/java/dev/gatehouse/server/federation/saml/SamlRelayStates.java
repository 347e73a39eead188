package dev.gatehouse.server.federation.saml;

import dev.gatehouse.server.web.Cookies;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code RelayState} of an SP-initiated sign-in: where to go afterwards ({@code next}) and the id of
 * the AuthnRequest sent, for {@link #LIFETIME}, signed (HMAC-SHA256 with a key derived from the
 * instance key) together with a random value of this browser held in the {@code gh_saml} cookie. So the
 * answer is taken only in the browser that started the sign-in, only for a short while, and its
 * {@code next} cannot be changed on the way. The cookie is SameSite=None over TLS (the identity
 * provider's form POST is cross-site; browsers keep such a cookie only when Secure), and Lax over plain
 * HTTP, where only an identity provider on the same site can complete an SP-initiated sign-in.
 * The relay state says nothing secret: the request id, {@code next} and an expiry, in base64url.
 */
public final class SamlRelayStates {
    static final String COOKIE = "gh_saml";
    /** How long a started sign-in may take at the identity provider. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PREFIX = "gh1.";
    private static final int NONCE_BYTES = 32;
    private static final int NONCE_CHARS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final InstantSource clock;

    /** @param instanceKey the store's instance key; the relay states are signed with a key derived from it */
    public SamlRelayStates(byte[] instanceKey, InstantSource clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(instanceKey, "HmacSHA256"),
                "gatehouse saml relay state".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        this.clock = clock;
    }

    /** What a posted relay state turned out to be. */
    public sealed interface Relay {
    }

    /** None, or not one of ours (an identity provider's own, for an IdP-initiated sign-in). */
    public record NotOurs() implements Relay {
    }

    /** Ours, unaltered, in time, from this browser. */
    public record Started(String requestId, String next) implements Relay {
    }

    /** Ours in form, but altered, expired or from another browser. */
    public record Refused(String why) implements Relay {
    }

    /** The relay state for a sign-in this browser starts now; gives the browser its cookie when it has none. */
    public String issue(HttpServerExchange exchange, String requestId, String next) {
        String nonce = Cookies.get(exchange, COOKIE);
        if (!wellFormedNonce(nonce)) {
            byte[] random = new byte[NONCE_BYTES];
            RANDOM.nextBytes(random);
            nonce = ENCODER.encodeToString(random);
        }
        // set again each time, so that it lasts as long as the newest sign-in it serves
        Cookies.set(exchange, COOKIE, nonce, Cookies.SameSite.NONE, LIFETIME);
        String payload = clock.instant().plus(LIFETIME).getEpochSecond() + "\n" + requestId + "\n" + next;
        return PREFIX + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(payload, nonce));
    }

    /** Reads a posted relay state (null when none was posted). */
    public Relay read(HttpServerExchange exchange, String relayState) {
        if (relayState == null || !relayState.startsWith(PREFIX)) {
            return new NotOurs();
        }
        int dot = relayState.indexOf('.', PREFIX.length());
        String nonce = Cookies.get(exchange, COOKIE);
        if (dot < 0 || !wellFormedNonce(nonce)) {
            return new Refused(dot < 0 ? "malformed" : "no browser cookie");
        }
        String payload;
        byte[] presentedMac;
        try {
            payload = new String(DECODER.decode(relayState.substring(PREFIX.length(), dot)), StandardCharsets.UTF_8);
            presentedMac = DECODER.decode(relayState.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Refused("malformed");
        }
        if (!MessageDigest.isEqual(mac(payload, nonce), presentedMac)) {
            return new Refused("signature or browser mismatch");
        }
        String[] parts = payload.split("\n", 3);
        if (parts.length != 3) {
            return new Refused("malformed");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return new Refused("malformed");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return new Refused("expired");
        }
        return new Started(parts[1], parts[2]);
    }

    private byte[] mac(String payload, String nonce) {
        // the payload's own lines never hold the nonce's line break: the pair is unambiguous
        return hmac(key, (payload + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean wellFormedNonce(String nonce) {
        return nonce != null && nonce.length() == NONCE_CHARS && nonce.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
