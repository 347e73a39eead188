package dev.gatehouse.server.flows;

import dev.gatehouse.server.Pkce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.web.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRedirectUriException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * The authorization code flow with PKCE as `aws sso login` (CLI v2 with an sso-session) drives it:
 * a loopback listener on an ephemeral port, RegisterClient with the port-less redirect URI, the
 * browser at /authorize, sign-in, consent, the redirect to the listener, and CreateToken with the
 * verifier.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserPkceFlowTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path dataDir;
    TestService service;
    BrowserSteps steps;
    SsoOidcClient oidc;
    SsoClient sso;
    LoopbackListener listener;
    RegisterClientResponse client;
    String verifier;
    String state;

    @BeforeEach
    void start(TestInfo test) {
        service = new TestService(dataDir);
        steps = new BrowserSteps(browser, service, test.getTestMethod().orElseThrow().getName());
        steps.forgetCookies();
        oidc = OidcClients.of(service);
        sso = service.sdkClientWithoutRetries();
        listener = new LoopbackListener();
        client = oidc.registerClient(r -> r.clientName("botocore-client-pkce").clientType("public")
                .grantTypes("authorization_code", "refresh_token").redirectUris(OidcClients.REGISTERED_REDIRECT)
                .issuerUrl(service.baseUrl() + "/start").scopes(OidcClients.SCOPE));
        verifier = Pkce.newVerifier();
        state = UUID.randomUUID().toString();
    }

    @AfterEach
    void stop() {
        listener.close();
        oidc.close();
        sso.close();
        service.close();
    }

    /** The /authorize URL exactly as the CLI builds it (code_challenge last, not re-encoded). */
    private String authorizeUrl(String redirectUri) {
        return authorizeUrl(redirectUri, "S256");
    }

    private String authorizeUrl(String redirectUri, String method) {
        return service.baseUrl() + "/authorize?response_type=code"
                + "&client_id=" + encode(client.clientId())
                + "&redirect_uri=" + encode(redirectUri)
                + "&state=" + encode(state)
                + "&code_challenge_method=" + method
                + "&scopes=" + encode(OidcClients.SCOPE)
                + "&code_challenge=" + Pkce.s256(verifier);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CreateTokenResponse redeem(String code) {
        return oidc.createToken(r -> r.grantType("authorization_code").clientId(client.clientId())
                .clientSecret(client.clientSecret()).redirectUri(listener.redirectUri()).codeVerifier(verifier).code(code));
    }

    /** Opens /authorize signed out, signs in as alice and lands on the consent page. */
    private void signInAndReachConsent() {
        assertThat(verifier).hasSize(64).matches("[A-Za-z0-9._~-]{64}");
        assertThat(Pkce.s256(verifier)).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        steps.open(authorizeUrl(listener.redirectUri()));
        steps.signInForm();
        steps.screenshot("01-sign-in-first");

        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        assertThat(steps.path()).isEqualTo("/authorize");
        assertThat(steps.mainText()).contains("botocore-client-pkce").contains(OidcClients.SCOPE)
                .contains("Signed in as Alice");
        assertThat(steps.present(".code-check__code")).as("no user code in the PKCE flow").isFalse();
        steps.visible("button[name=action][value=deny]");
        steps.visible("button[name=action][value=approve]");
        steps.screenshot("02-consent");
        assertThat(listener.received()).as("nothing reaches the listener before the person decides").isEmpty();
    }

    @Test
    void approveSendsCodeAndStateToTheListenerAndTheCodeGivesTokens() {
        signInAndReachConsent();

        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        LoopbackListener.Received callback = listener.awaitCallback(Duration.ofSeconds(15));
        assertThat(callback.method()).isEqualTo("GET");
        Map<String, String> params = callback.params();
        assertThat(params).containsOnlyKeys("code", "state");
        assertThat(params.get("state")).isEqualTo(state);
        assertThat(params.get("code")).isNotBlank();
        assertThat(steps.currentUrl()).startsWith(listener.redirectUri() + "?");
        assertThat(steps.driver().findElement(org.openqa.selenium.By.tagName("body")).getText()).isEqualTo("ok");
        steps.screenshot("03-listener-got-the-code");

        CreateTokenResponse tokens = redeem(params.get("code"));
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isPositive();
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .extracting(a -> a.accountName()).containsExactlyInAnyOrder("Production", "Development", "Sandbox");

        CreateTokenResponse refreshed = oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(client.clientSecret()).refreshToken(tokens.refreshToken()));
        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
        assertThat(sso.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(3);

        // the code is good once
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> redeem(params.get("code")))).isNotNull();
    }

    @Test
    void aSecondAuthorizeWhileSignedInGoesStraightToConsent() {
        signInAndReachConsent();
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        listener.awaitCallback(Duration.ofSeconds(15));

        state = UUID.randomUUID().toString();
        verifier = Pkce.newVerifier();
        steps.open(authorizeUrl(listener.redirectUri()));
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        steps.screenshot("03-consent-again");
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        Map<String, String> params = listener.awaitCallback(Duration.ofSeconds(15)).params();
        assertThat(params.get("state")).isEqualTo(state);
        assertThat(redeem(params.get("code")).accessToken()).isNotBlank();
    }

    @Test
    void denySendsAccessDeniedAndTheStateToTheListener() {
        signInAndReachConsent();

        steps.clickAndWait(steps.visible("button[name=action][value=deny]"));
        Map<String, String> params = listener.awaitCallback(Duration.ofSeconds(15)).params();
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", state)
                .doesNotContainKey("code");
        steps.screenshot("03-listener-got-the-error");
    }

    @Test
    void aBadChallengeMethodGoesBackToTheListenerAsAnError() {
        steps.open(authorizeUrl(listener.redirectUri(), "plain"));
        Map<String, String> params = listener.awaitCallback(Duration.ofSeconds(15)).params();
        assertThat(params).containsEntry("error", "invalid_request").containsEntry("state", state)
                .doesNotContainKey("code");
        assertThat(params.get("error_description")).contains("S256");
    }

    @Test
    void anUnregisteredRedirectIsAnErrorPageAndTheListenerHearsNothing() throws InterruptedException {
        steps.open(authorizeUrl("http://127.0.0.1:" + listener.port() + "/other"));
        assertErrorPage("01-other-path-signed-out");

        steps.open(authorizeUrl("http://evil.example:" + listener.port() + "/oauth/callback"));
        assertErrorPage("02-not-loopback-signed-out");

        // signed in, the answer is the same: no consent, no redirect
        steps.open("/login");
        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        steps.open(authorizeUrl("http://127.0.0.1:" + listener.port() + "/other"));
        assertErrorPage("03-other-path-signed-in");
        steps.open(authorizeUrl("https://127.0.0.1:" + listener.port() + "/oauth/callback"));
        assertErrorPage("04-https-signed-in");
        steps.open(authorizeUrl("http://localhost.evil.example:" + listener.port() + "/oauth/callback"));
        assertErrorPage("05-lookalike-host-signed-in");

        Thread.sleep(500); // anything in flight would have arrived by now
        assertThat(listener.received()).as("requests that reached the loopback listener").isEmpty();
    }

    @Test
    void aLocalhostRedirectWorksInTheBrowser() {
        client = oidc.registerClient(r -> r.clientName("botocore-client-localhost").clientType("public")
                .grantTypes("authorization_code", "refresh_token").redirectUris("http://localhost/oauth/callback")
                .scopes(OidcClients.SCOPE));
        String redirect = "http://localhost:" + listener.port() + LoopbackListener.CALLBACK_PATH;
        steps.open(authorizeUrl(redirect));
        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        Map<String, String> params = listener.awaitCallback(Duration.ofSeconds(15)).params();
        assertThat(params.get("state")).isEqualTo(state);
        CreateTokenResponse tokens = oidc.createToken(r -> r.grantType("authorization_code").clientId(client.clientId())
                .clientSecret(client.clientSecret()).redirectUri(redirect).codeVerifier(verifier).code(params.get("code")));
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).hasSize(3);
    }

    /**
     * The consent form may lead only to this service and to http://127.0.0.1:* or http://localhost:*
     * (Content-Security-Policy form-action, which cannot name an IPv6 literal): a client registering
     * [::1] would get a consent page whose "Allow" the browser silently blocks, so it is refused at
     * registration.
     */
    @Test
    void anIpv6LoopbackRedirectIsRefusedAtRegistration() {
        InvalidRedirectUriException refused = catchThrowableOfType(InvalidRedirectUriException.class,
                () -> oidc.registerClient(r -> r.clientName("botocore-client-v6").clientType("public")
                        .grantTypes("authorization_code", "refresh_token").redirectUris("http://[::1]/oauth/callback")
                        .scopes(OidcClients.SCOPE)));
        assertThat(refused).as("RegisterClient with http://[::1]/oauth/callback").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(400);
        // and /authorize never redirects there for a client registered with 127.0.0.1
        steps.open(authorizeUrl("http://[::1]:" + listener.port() + LoopbackListener.CALLBACK_PATH));
        assertErrorPage("01-ipv6-redirect");
    }

    private void assertErrorPage(String screenshot) {
        assertThat(steps.title()).isEqualTo("This sign-in request cannot be used · Gatehouse");
        assertThat(steps.path()).isEqualTo("/authorize");
        assertThat(steps.mainText()).contains("redirect URI");
        assertThat(steps.present("button[name=action]")).isFalse();
        steps.screenshot(screenshot);
    }
}
