package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.federation.Keycloak;
import dev.gatehouse.server.web.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Signing in through a real Keycloak over SAML 2.0, in Chromium: the stock SDK starts a device
 * authorization, the person opens the link, Gatehouse sends them to Keycloak (AuthnRequest, redirect
 * binding), they sign in there as alice, Keycloak posts its signed answer back to {@code /saml/acs},
 * and from there everything is as with a password: consent, tokens, the accounts, role credentials; Logout ends the
 * Gatehouse session (Keycloak's own session is not ended: no single logout).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BrowserSamlKeycloakFlowTest {
    @RegisterExtension
    static final Keycloak keycloak = new Keycloak();
    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path dataDir;
    TestService service;
    BrowserSteps steps;
    SsoOidcClient oidc;
    SsoClient sso;
    RegisterClientResponse client;

    @BeforeEach
    void start(TestInfo test) {
        IdentitySource.SamlProvider saml = new IdentitySource.SamlProvider(keycloak.samlMetadata(),
                IdentitySource.UserMatch.EMAIL, Optional.of("groups"), false, Duration.ofMinutes(2),
                Optional.of(Keycloak.SAML_SP_ENTITY_ID));
        service = new TestService(dataDir, TestDirectory.create().withIdentitySource(saml));
        steps = new BrowserSteps(browser, service, test.getTestMethod().orElseThrow().getName());
        steps.forgetCookies();
        oidc = OidcClients.of(service);
        sso = service.sdkClientWithoutRetries();
        client = oidc.registerClient(r -> r.clientName("botocore-client-saml").clientType("public")
                .scopes(OidcClients.SCOPE));
    }

    @AfterEach
    void stop() {
        oidc.close();
        sso.close();
        service.close();
    }

    /** Keycloak's own login form: user name, password, its one button. */
    private void signInAtKeycloak(String userName, String password) {
        assertThat(steps.currentUrl()).startsWith(keycloak.issuer() + "/");
        steps.visible("#username").sendKeys(userName);
        steps.visible("#password").sendKeys(password);
        steps.screenshot("02-keycloak-sign-in");
        steps.clickAndWait(steps.visible("#kc-login"));
        // Keycloak's answer page posts itself to /saml/acs, which sends the browser on to next
        steps.waitForTitle(BrowserSteps.CONSENT);
    }

    @Test
    void signInAtKeycloakApproveTheDeviceListAccountsGetCredentialsThenLogoutEndsTheGatehouseSession() throws Exception {
        StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(service.baseUrl() + "/start"));

        steps.open(started.verificationUriComplete());
        steps.screenshot("01-sent-to-keycloak");
        signInAtKeycloak(Keycloak.ALICE, Keycloak.PASSWORD);
        assertThat(steps.path()).isEqualTo("/device");
        assertThat(steps.visible(".code-check__code").getText()).isEqualTo(started.userCode());
        assertThat(steps.mainText()).contains("botocore-client-saml").contains("Signed in as Alice");
        steps.screenshot("03-consent");
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        steps.screenshot("04-approved");

        CreateTokenResponse tokens = oidc.createToken(r -> r.grantType(OidcClients.DEVICE_CODE)
                .clientId(client.clientId()).clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .extracting(a -> a.accountName()).containsExactlyInAnyOrder("Production", "Development", "Sandbox");
        RoleCredentials credentials = sso.getRoleCredentials(r -> r.accessToken(tokens.accessToken())
                .accountId(TestDirectory.PROD).roleName("AdministratorAccess")).roleCredentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.secretAccessKey()).isNotBlank();
        assertThat(service.auditLines()).anySatisfy(line -> assertThat(line).contains("\"SignInSucceeded\"")
                .contains("\"upstream\":\"saml\"").contains("\"user\":\"alice\""));
        String browserSession = steps.cookie("gh_session");
        assertThat(browserSession).isNotBlank();

        sso.logout(r -> r.accessToken(tokens.accessToken()));

        UnauthorizedException unauthorized = catchThrowableOfType(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())));
        assertThat(unauthorized).as("the access token after Logout").isNotNull();
        assertThat(portalWithCookie(browserSession).statusCode()).as("the browser's session cookie after Logout")
                .isEqualTo(303);
    }

    /** {@code GET /portal} with only this session cookie, outside the browser. */
    private HttpResponse<String> portalWithCookie(String sessionCookie) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/portal"))
                    .header("Cookie", "gh_session=" + sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
