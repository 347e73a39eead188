package dev.gatehouse.server.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small OpenID Connect provider on a loopback port, for the relying party's tests: a discovery
 * document, a JWKS of its RSA keys (rotated on demand), and a token endpoint that redeems the codes
 * {@link #approve} hands out — once each, only for the client id and secret it was made with, and
 * only with the PKCE verifier of the request's S256 challenge — answering with an ID token the test
 * shapes (claims changed, signed by a key the JWKS does not hold).
 */
final class FakeOidcProvider implements AutoCloseable {
    static final String CLIENT_ID = "gatehouse";
    static final String CLIENT_SECRET = "fake-provider-client-secret";

    private final HttpServer server;
    private final URI issuer;
    private final List<RSAKey> published = new ArrayList<>();
    private final Map<String, Approved> codes = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile RSAKey signing;

    /** A code and what its ID token will say. */
    private record Approved(String redirectUri, CodeChallenge challenge, String idToken) {
    }

    FakeOidcProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test");
        signing = newKey();
        published.add(signing);
        server.createContext(issuer.getPath() + "/.well-known/openid-configuration", this::discovery);
        server.createContext(issuer.getPath() + "/jwks", this::jwks);
        server.createContext(issuer.getPath() + "/token", this::token);
        server.start();
    }

    URI issuer() {
        return issuer;
    }

    URI authorizationEndpoint() {
        return URI.create(issuer + "/auth");
    }

    int jwksFetches() {
        return jwksFetches.get();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    /** A new signing key; the JWKS holds only it from now on (the old key is withdrawn). */
    void rotateKeys() {
        RSAKey next = newKey();
        synchronized (published) {
            published.clear();
            published.add(next);
        }
        signing = next;
    }

    /** The claims a good ID token for this request has: Alice, for our client, with the request's nonce. */
    JWTClaimsSet.Builder goodClaims(Map<String, String> request) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .subject("f3a1c0de-alice")
                .audience(CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", request.get("nonce"))
                .claim("preferred_username", "alice")
                .claim("email", "alice@example.com")
                .claim("email_verified", true)
                .claim("name", "Alice Example");
    }

    /**
     * The person signed in and approved the authorization request (the URL Gatehouse sent the browser
     * to): a code for its redirect URI, whose ID token has the claims {@code shape} makes of the good
     * ones, signed by the current key.
     */
    String approve(URI authorizationRequest, UnaryOperator<JWTClaimsSet.Builder> shape) {
        return approve(authorizationRequest, shape, signing);
    }

    /** The same, signed by {@code key} (which the JWKS may not hold). */
    String approve(URI authorizationRequest, UnaryOperator<JWTClaimsSet.Builder> shape, RSAKey key) {
        Map<String, String> request = query(authorizationRequest.getRawQuery());
        if (!CLIENT_ID.equals(request.get("client_id")) || !"code".equals(request.get("response_type"))
                || !"S256".equals(request.get("code_challenge_method"))) {
            throw new AssertionError("not an authorization code request with PKCE S256: " + request);
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Approved(request.get("redirect_uri"), challenge(request.get("code_challenge")), sign(shape.apply(goodClaims(request)).build(), key)));
        return code;
    }

    private static CodeChallenge challenge(String value) {
        try {
            return CodeChallenge.parse(value);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("no code_challenge in the request", e);
        }
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PUBLIC),
                URI.create(issuer + "/jwks"));
        metadata.setAuthorizationEndpointURI(authorizationEndpoint());
        metadata.setTokenEndpointURI(URI.create(issuer + "/token"));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        answer(exchange, 200, metadata.toJSONObject().toJSONString());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        List<com.nimbusds.jose.jwk.JWK> keys;
        synchronized (published) {
            keys = published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList();
        }
        answer(exchange, 200, new JWKSet(keys).toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Approved approved = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (approved == null || !"authorization_code".equals(form.get("grant_type"))
                || !approved.redirectUri().equals(form.get("redirect_uri")) || form.get("code_verifier") == null
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
                        .equals(approved.challenge())) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"id_token\":\"" + approved.idToken() + "\"}");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
