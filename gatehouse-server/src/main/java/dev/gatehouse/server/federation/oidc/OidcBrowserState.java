package dev.gatehouse.server.federation.oidc;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
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
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds a sign-in at the provider to the browser that started it, with no server memory (so any
 * instance on the store can finish it): the {@code gh_oidc} cookie (HttpOnly, SameSite=Lax so that
 * the provider's redirect back brings it, 10 minutes) holds a random seed, its expiry and the
 * {@code next} path, signed with HMAC-SHA256 under a key derived from the instance key. The
 * {@code state}, {@code nonce} and PKCE code verifier are HMACs of the seed, so the cookie gives
 * none of them away, and a callback without the very cookie its {@code state} came from is refused.
 */
final class OidcBrowserState {
    static final String COOKIE = "gh_oidc";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final InstantSource clock;

    /** @param instanceKey the store's instance key; this cookie signs with a key derived from it */
    OidcBrowserState(byte[] instanceKey, InstantSource clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(instanceKey, "HmacSHA256"), "gatehouse oidc browser state"),
                "HmacSHA256");
        this.clock = clock;
    }

    /** One sign-in at the provider: what it sends there and what it checks on the way back. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier, String next, Instant expiresAt) {
    }

    /** Sets the cookie of a new sign-in that goes on to {@code next} (a path already checked). */
    Pending begin(HttpServerExchange exchange, String next) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String seed = BASE64URL.encodeToString(random);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        String body = seed + "." + expiresAt.getEpochSecond() + "." + BASE64URL.encodeToString(
                next.getBytes(StandardCharsets.UTF_8));
        Cookies.set(exchange, COOKIE, body + "." + BASE64URL.encodeToString(hmac(key, body)), Cookies.SameSite.LAX,
                LIFETIME);
        return pending(seed, next, expiresAt);
    }

    /** The sign-in this browser started, when its cookie is whole, signed by us and not expired. */
    Optional<Pending> read(HttpServerExchange exchange) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        try {
            if (!MessageDigest.isEqual(hmac(key, body), DECODE.decode(parts[3]))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(pending(parts[0], new String(DECODE.decode(parts[2]), StandardCharsets.UTF_8),
                    expiresAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void clear(HttpServerExchange exchange) {
        Cookies.clear(exchange, COOKIE, Cookies.SameSite.LAX);
    }

    private Pending pending(String seed, String next, Instant expiresAt) {
        return new Pending(new State(derive("state", seed)), new Nonce(derive("nonce", seed)),
                new CodeVerifier(derive("code-verifier", seed)), next, expiresAt);
    }

    /** 43 base64url characters: a valid state, nonce and (RFC 7636's 43 to 128) code verifier. */
    private String derive(String purpose, String seed) {
        return BASE64URL.encodeToString(hmac(key, purpose + "\n" + seed));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
