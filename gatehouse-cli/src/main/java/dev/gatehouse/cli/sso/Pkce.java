package dev.gatehouse.cli.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The secrets of one PKCE sign-in and the {@code /authorize} URL, exactly as the AWS CLI makes them:
 * a 64-character verifier from {@code [A-Za-z0-9-._~]}, its S256 challenge, a random UUID state.
 */
public record Pkce(String verifier, String challenge, String state) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERIFIER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    public static Pkce generate() {
        StringBuilder verifier = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            verifier.append(VERIFIER_CHARS.charAt(RANDOM.nextInt(VERIFIER_CHARS.length())));
        }
        return new Pkce(verifier.toString(), s256(verifier.toString()), UUID.randomUUID().toString());
    }

    /** base64url(SHA-256(verifier)) without padding: 43 characters. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code <scheme://host:port of the OIDC endpoint>/authorize?...} — any path of the endpoint is
     * dropped, as the CLI does; {@code code_challenge} last.
     */
    public URI authorizeUrl(URI oidcEndpoint, String clientId, String redirectUri, List<String> scopes) {
        return URI.create(oidcEndpoint.getScheme() + "://" + oidcEndpoint.getRawAuthority() + "/authorize"
                + "?response_type=code"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri)
                + "&state=" + encode(state)
                + "&code_challenge_method=S256"
                + "&scopes=" + encode(String.join(" ", scopes))
                + "&code_challenge=" + challenge);
    }

    /** RFC 3986 percent-encoding, with only {@code -._~} left as they are (Python's {@code quote(safe="-._~")}). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    @Override
    public String toString() {
        return "Pkce[state=" + state + "]";
    }
}
