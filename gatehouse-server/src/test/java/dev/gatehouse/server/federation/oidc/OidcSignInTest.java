package dev.gatehouse.server.federation.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatehouse as an OpenID Connect relying party, against {@link FakeOidcProvider} on a loopback port:
 * the browser's round trip (start → the provider's authorization endpoint → the callback) made over
 * real HTTP with the cookies a browser would keep. A good ID token signs Alice in exactly as her
 * password would; a token with a wrong issuer, audience, nonce or signature, an expired one, an answer
 * for another browser or one used twice, the provider's error and an unknown user are each refused
 * with an error page and a {@code SignInFailed} audit record naming the reason.
 */
class OidcSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    FakeOidcProvider provider;
    TestService service;
    Browserless browser;

    @BeforeEach
    void start() {
        provider = new FakeOidcProvider();
        startService(false);
    }

    private void startService(boolean justInTimeUsers) {
        service = new TestService(dataDir, TestDirectory.create().withIdentitySource(new IdentitySource.OidcProvider(
                provider.issuer(), FakeOidcProvider.CLIENT_ID, Optional.of(FakeOidcProvider.CLIENT_SECRET),
                List.of("openid", "profile", "email"), "preferred_username", UserMatch.USER_NAME,
                Optional.of("groups"), justInTimeUsers)));
        browser = new Browserless(service.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
        provider.close();
    }

    /** Opens the start page for {@code next}; returns the authorization request the browser is sent to. */
    private URI startSignIn(String next) {
        HttpResponse<String> started = browser.get("/federation/oidc/start?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(303);
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
                .isEqualTo(provider.authorizationEndpoint().toString());
        assertThat(browser.cookie("gh_oidc")).isNotNull();
        return location;
    }

    /** The provider's redirect back, naming itself in {@code iss} as RFC 9207 has it (percent-encoded). */
    private HttpResponse<String> callback(URI request, String code) {
        return callback(request, code, provider.issuer().toString());
    }

    private HttpResponse<String> callback(URI request, String code, String iss) {
        String state = FakeOidcProvider.query(request.getRawQuery()).get("state");
        return browser.get("/federation/oidc/callback?code=" + code + "&state=" + state + "&iss="
                + URLEncoder.encode(iss, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> signInWith(UnaryOperator<JWTClaimsSet.Builder> shape) {
        URI request = startSignIn("/portal");
        return callback(request, provider.approve(request, shape));
    }

    private List<JsonNode> audit(String event) {
        return service.auditLines().stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(line -> line.path("event").asText().equals(event)).toList();
    }

    private void assertRefused(HttpResponse<String> answer, int status, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains("Sign-in failed");
        assertThat(browser.cookie("gh_session")).as("no session cookie").isNull();
        assertThat(browser.cookie("gh_oidc")).as("the sign-in's cookie is spent").isNull();
        List<JsonNode> failed = audit("SignInFailed");
        assertThat(failed).as("one SignInFailed record").hasSize(1);
        assertThat(failed.getFirst().path("details").path("reason").asText()).isEqualTo(reason);
        assertThat(failed.getFirst().path("details").path("upstream").asText()).isEqualTo("oidc");
        assertThat(audit("SignInSucceeded")).isEmpty();
    }

    @Test
    void aGoodIdTokenSignsTheBrowserInAndGoesOnToNext() {
        URI request = startSignIn("/portal/sessions");
        Map<String, String> params = FakeOidcProvider.query(request.getRawQuery());
        assertThat(params).containsEntry("client_id", FakeOidcProvider.CLIENT_ID)
                .containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "openid profile email")
                .containsEntry("redirect_uri", service.baseUrl() + "/federation/oidc/callback");
        assertThat(params.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(params.get("nonce")).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(params.get("state"));

        HttpResponse<String> answer = callback(request, provider.approve(request, c -> c));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains("/portal/sessions");
        assertThat(browser.cookie("gh_session")).isNotNull();
        assertThat(browser.cookie("gh_oidc")).isNull();
        HttpResponse<String> portal = browser.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Alice").contains("Production");
        JsonNode succeeded = audit("SignInSucceeded").getFirst();
        assertThat(succeeded.path("user").asText()).isEqualTo("alice");
        assertThat(succeeded.path("details").path("upstream").asText()).isEqualTo("oidc");
        assertThat(succeeded.path("details").path("issuer").asText()).isEqualTo(provider.issuer().toString());
        assertThat(service.auditLines()).noneMatch(line -> line.contains(params.get("nonce")));
    }

    @Test
    void theSignInPageSendsToTheProviderAndRefusesPasswords() {
        HttpResponse<String> login = browser.get("/login?next=%2Fdevice%3Fuser_code%3DABCD-EFGH");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location"))
                .contains("/federation/oidc/start?next=%2Fdevice%3Fuser_code%3DABCD-EFGH");

        HttpResponse<String> password = browser.post("/login", "username=alice&password="
                + URLEncoder.encode(TestDirectory.PASSWORD, StandardCharsets.UTF_8));
        assertThat(password.statusCode()).isEqualTo(403);
        assertThat(password.body()).contains("Password sign-in is off");
        assertThat(browser.cookie("gh_session")).isNull();
    }

    @Test
    void aWrongIssuerIsRefused() {
        assertRefused(signInWith(c -> c.issuer("https://evil.example.com/realms/test")), 401, "wrong_issuer");
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefusedBeforeTheCodeIsRedeemed() {
        URI request = startSignIn("/portal");
        String code = provider.approve(request, c -> c);
        assertRefused(callback(request, code, "https://evil.example.com/realms/test"), 401, "wrong_issuer");
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void aWrongAudienceIsRefused() {
        assertRefused(signInWith(c -> c.audience("another-client").claim("azp", "another-client")), 401,
                "wrong_audience");
    }

    @Test
    void aWrongNonceIsRefused() {
        assertRefused(signInWith(c -> c.claim("nonce", "not-this-browsers-nonce")), 401, "wrong_nonce");
    }

    @Test
    void aMissingNonceIsRefused() {
        assertRefused(signInWith(c -> c.claim("nonce", null)), 401, "wrong_nonce");
    }

    @Test
    void aSignatureByAKeyTheProviderDoesNotPublishIsRefused() {
        URI request = startSignIn("/portal");
        String code = provider.approve(request, c -> c, FakeOidcProvider.newKey());
        assertRefused(callback(request, code), 401, "bad_signature");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRefused(signInWith(c -> c.issueTime(Date.from(past.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(past))), 401, "expired");
    }

    @Test
    void aNewSigningKeyIsFetchedWhenATokenNamesIt() {
        assertThat(signInWith(c -> c).statusCode()).isEqualTo(303);
        int fetches = provider.jwksFetches();
        browser.forget("gh_session");

        provider.rotateKeys();

        assertThat(signInWith(c -> c).statusCode()).as("signed with the new key").isEqualTo(303);
        assertThat(provider.jwksFetches()).as("the JWKS read again for the unknown kid").isEqualTo(fetches + 1);
        assertThat(audit("SignInSucceeded")).hasSize(2);
    }

    @Test
    void theProvidersErrorIsRefused() {
        URI request = startSignIn("/portal");
        String state = FakeOidcProvider.query(request.getRawQuery()).get("state");
        assertRefused(browser.get("/federation/oidc/callback?error=access_denied&state=" + state), 401,
                "provider_error");
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void aProviderThatCannotBeReachedIsABadGatewayPage() {
        provider.close();

        HttpResponse<String> started = browser.get("/federation/oidc/start?next=%2Fportal");

        assertThat(started.statusCode()).isEqualTo(502);
        assertThat(started.body()).contains("Sign-in failed").contains("could not be reached");
        assertThat(audit("SignInFailed")).extracting(r -> r.path("details").path("reason").asText())
                .containsExactly("provider_unavailable");
    }

    @Test
    void anAnswerForAnotherBrowserIsRefused() {
        URI request = startSignIn("/portal");
        String code = provider.approve(request, c -> c);
        browser.forget("gh_oidc");
        assertRefused(callback(request, code), 400, "bad_state");
        assertThat(provider.tokenRequests()).as("the code is not redeemed").isZero();
    }

    @Test
    void aStateThatIsNotThisBrowsersIsRefused() {
        URI request = startSignIn("/portal");
        String code = provider.approve(request, c -> c);
        assertRefused(browser.get("/federation/oidc/callback?code=" + code + "&state=forged"), 400, "bad_state");
    }

    @Test
    void anAnswerUsedTwiceIsRefusedTheSecondTime() {
        URI request = startSignIn("/portal");
        String cookie = browser.cookie("gh_oidc");
        String code = provider.approve(request, c -> c);
        assertThat(callback(request, code).statusCode()).isEqualTo(303);
        browser.forget("gh_session");
        browser.setCookie("gh_oidc", cookie);

        HttpResponse<String> again = callback(request, code);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(browser.cookie("gh_session")).isNull();
        assertThat(audit("SignInFailed")).extracting(r -> r.path("details").path("reason").asText())
                .containsExactly("replayed_state");
        assertThat(provider.tokenRequests()).as("the second answer never reaches the token endpoint").isEqualTo(1);
    }

    @Test
    void aPersonWithoutAGatehouseUserIsRefused() {
        assertRefused(signInWith(c -> c.claim("preferred_username", "mallory")), 403, "unknown_user");
        assertThat(service.gatehouse.directory().user("mallory")).isEmpty();
    }

    @Test
    void withJustInTimeUsersAnUnknownPersonIsMadeAUserWithTheGroupsTheDirectoryHas() {
        service.close();
        startService(true);

        HttpResponse<String> answer = signInWith(c -> c.subject("c4r0l").claim("preferred_username", "carol")
                .claim("name", "Carol Example").claim("email", "carol@example.com")
                .claim("groups", List.of("/admins", "unknown-group")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        var carol = service.gatehouse.directory().user("carol").orElseThrow();
        assertThat(carol.email()).isEqualTo("carol@example.com");
        assertThat(carol.externalIds()).extracting(e -> e.issuer() + " " + e.id())
                .containsExactly(provider.issuer() + " c4r0l");
        assertThat(service.gatehouse.directory().groupIdsOf(carol.id())).containsExactly(
                service.gatehouse.directory().groupByName("admins").orElseThrow().id());
        // the admins group's assignments are hers at once
        assertThat(browser.get("/portal").body()).contains("Carol Example").contains("Production").contains("Sandbox");
        assertThat(audit("UserCreatedJustInTime")).singleElement()
                .satisfies(r -> assertThat(r.path("details").path("groups").asText()).isEqualTo("admins"));
    }

    @Test
    void aTokenWithoutTheUserClaimIsRefused() {
        assertRefused(signInWith(c -> c.claim("preferred_username", null)), 401, "no_user_claim");
    }

    /** Plain HTTP as a browser does it, minus the redirects (which the test follows itself): the cookies kept. */
    static final class Browserless {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final URI base;
        private final Map<String, String> cookies = new HashMap<>();

        Browserless(URI base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, String form) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        String cookie(String name) {
            return cookies.get(name);
        }

        void forget(String name) {
            cookies.remove(name);
        }

        void setCookie(String name, String value) {
            cookies.put(name, value);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || set.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
