package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.federation.Keycloak;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Sign-in through a real Keycloak over OpenID Connect, as `aws sso login --use-device-code` meets it:
 * the stock SDK starts a device authorization, the person opens the link in Chromium, is sent on to
 * Keycloak, signs in there as alice, comes back to Gatehouse's consent page for the same code and
 * approves; the stock SDK lists her accounts and gets role credentials; Logout ends the Gatehouse
 * session (Keycloak's own session stays: there is no single logout, so the next sign-in goes through
 * at once, as a new Gatehouse session). carol, whom Keycloak knows and Gatehouse does not, is refused.
 * Runs under CI, or with {@code GATEHOUSE_TEST_KEYCLOAK=1}; skipped otherwise (see {@link Keycloak}).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BrowserOidcFederationFlowTest extends BrowserFlowTest {
    @RegisterExtension
    static final Keycloak keycloak = new Keycloak();

    SsoOidcClient oidc;
    SsoClient sso;
    RegisterClientResponse client;

    @Override
    DirectoryFile directory() {
        return TestDirectory.create().withIdentitySource(new IdentitySource.OidcProvider(URI.create(keycloak.issuer()),
                Keycloak.OIDC_CLIENT_ID, Optional.of(Keycloak.OIDC_CLIENT_SECRET), List.of("openid", "profile", "email"),
                "preferred_username", UserMatch.USER_NAME, Optional.of("groups"), false));
    }

    @BeforeEach
    void registerTheCli() {
        oidc = OidcClients.of(service);
        sso = service.sdkClientWithoutRetries();
        client = oidc.registerClient(r -> r.clientName("botocore-client-keycloak").clientType("public")
                .scopes(OidcClients.SCOPE));
    }

    @AfterEach
    void closeClients() {
        oidc.close();
        sso.close();
    }

    private StartDeviceAuthorizationResponse startDeviceAuthorization() {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(service.baseUrl() + "/start"));
    }

    /** On Keycloak's sign-in page: types the user name and password and signs in. */
    private void signInAtKeycloak(String userName) {
        assertThat(steps.currentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth");
        steps.visible("#kc-form-login");
        steps.visible("input[name=username]").sendKeys(userName);
        steps.visible("input[name=password]").sendKeys(Keycloak.PASSWORD);
        steps.clickAndWait(steps.visible("#kc-login"));
    }

    @Test
    void signInAtKeycloakApproveADeviceThenTheSdkWorksUntilLogout() {
        StartDeviceAuthorizationResponse started = startDeviceAuthorization();

        steps.open(started.verificationUriComplete());
        steps.screenshot("01-keycloak-sign-in");
        signInAtKeycloak(Keycloak.ALICE);

        steps.waitForTitle(BrowserSteps.CONSENT);
        assertThat(steps.path()).isEqualTo("/device");
        assertThat(steps.visible(".code-check__code").getText()).isEqualTo(started.userCode());
        assertThat(steps.mainText()).contains("botocore-client-keycloak").contains("Signed in as Alice");
        steps.screenshot("02-consent");
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        steps.screenshot("03-approved");

        CreateTokenResponse tokens = oidc.createToken(r -> r.grantType(OidcClients.DEVICE_CODE)
                .clientId(client.clientId()).clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .extracting(a -> a.accountName()).containsExactlyInAnyOrder("Production", "Development", "Sandbox");
        RoleCredentials credentials = sso.getRoleCredentials(r -> r.accessToken(tokens.accessToken())
                .accountId(TestDirectory.PROD).roleName("ReadOnlyAccess")).roleCredentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.secretAccessKey()).isNotBlank();

        // the Gatehouse session was made by the device sign-in, through Keycloak
        String browserCookie = steps.cookie("gh_session");
        SignInSession session = service.gatehouse.portal().signedInBrowser(browserCookie).orElseThrow().session();
        assertThat(session.origin().method()).isEqualTo(SignInMethod.DEVICE_CODE);
        assertThat(session.origin().clientName()).contains("botocore-client-keycloak");
        assertThat(service.auditLines()).anyMatch(line -> line.contains("\"event\":\"SignInSucceeded\"")
                && line.contains("\"upstream\":\"oidc\"") && line.contains(keycloak.issuer()));

        sso.logout(r -> r.accessToken(tokens.accessToken()));

        assertThat(catchThrowableOfType(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())))).isNotNull();
        assertThat(service.gatehouse.portal().signedInBrowser(browserCookie)).as("the browser's session").isEmpty();
        // no single logout: Keycloak's session signs the browser in again at once, as a new Gatehouse session
        steps.open("/portal");
        steps.waitForTitle(BrowserSteps.PORTAL);
        assertThat(steps.cookie("gh_session")).isNotEqualTo(browserCookie);
        steps.screenshot("04-portal-after-logout");
    }

    @Test
    void someoneKeycloakKnowsButGatehouseDoesNotIsRefused() {
        steps.open("/portal");
        signInAtKeycloak(Keycloak.CAROL);

        assertThat(steps.title()).isEqualTo("Sign-in failed · Gatehouse");
        assertThat(steps.mainText()).contains("Gatehouse has no user for you");
        assertThat(steps.cookie("gh_session")).isNull();
        steps.screenshot("01-refused");
        assertThat(service.auditLines()).anyMatch(line -> line.contains("\"event\":\"SignInFailed\"")
                && line.contains("\"reason\":\"unknown_user\""));
    }
}
