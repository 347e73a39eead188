package dev.gatehouse.domain.invitation;

import dev.gatehouse.domain.token.RandomIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A new TOTP secret for a person to put into their authenticator app, and the {@code otpauth://} URI
 * that apps read from a QR code or a link: 160 random bits (the size RFC 4226 recommends for
 * HMAC-SHA1) as 32 base32 characters, with the algorithm, digits and period that {@code signin.Totp}
 * checks codes with.
 */
public record AuthenticatorSetup(String secret, String uri) {
    /** The issuer apps show beside the account. */
    public static final String ISSUER = "Gatehouse";
    private static final Pattern SECRET = Pattern.compile("[A-Z2-7]{32}");

    /** A fresh secret for {@code userName}. */
    public static AuthenticatorSetup fresh(String userName) {
        return of(RandomIds.base32(32), userName);
    }

    /** The setup for a secret made before, as a form brings it back; the secret must be one {@link #fresh} makes. */
    public static AuthenticatorSetup of(String secret, String userName) {
        if (!isWellFormed(secret)) {
            throw new IllegalArgumentException("not a secret made by AuthenticatorSetup");
        }
        String label = encode(ISSUER + ":" + userName);
        return new AuthenticatorSetup(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=6&period=30");
    }

    /** True when {@code secret} has the form of one {@link #fresh} makes. */
    public static boolean isWellFormed(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "AuthenticatorSetup[secret hidden]";
    }
}
