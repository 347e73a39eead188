package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.web.Browser;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The device authorization flow as `aws sso login --use-device-code` drives it: the stock SDK
 * registers, starts and polls; the person confirms the code in Chromium. And the two ways a sign-in
 * session ends (portal sign-out, Logout) each end the other side's access too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserDeviceFlowTest {
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
        service = new TestService(dataDir);
        steps = new BrowserSteps(browser, service, test.getTestMethod().orElseThrow().getName());
        steps.forgetCookies();
        oidc = OidcClients.of(service);
        sso = service.sdkClientWithoutRetries();
        client = oidc.registerClient(r -> r.clientName("botocore-client-browser").clientType("public")
                .scopes(OidcClients.SCOPE));
    }

    @AfterEach
    void stop() {
        oidc.close();
        sso.close();
        service.close();
    }

    private StartDeviceAuthorizationResponse startDeviceAuthorization() {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(service.baseUrl() + "/start"));
    }

    private CreateTokenResponse poll(String deviceCode) {
        return oidc.createToken(r -> r.grantType(OidcClients.DEVICE_CODE).clientId(client.clientId())
                .clientSecret(client.clientSecret()).deviceCode(deviceCode));
    }

    private CreateTokenResponse refresh(String refreshToken) {
        return oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(client.clientSecret()).refreshToken(refreshToken));
    }

    /**
     * Opens verificationUriComplete signed out, signs in as alice, and comes back to the consent
     * page for the same code; returns the user code.
     */
    private String signInAndReachConsent(StartDeviceAuthorizationResponse started) {
        steps.open(started.verificationUriComplete());
        steps.signInForm();
        URI signIn = URI.create(steps.currentUrl());
        assertThat(URLDecoder.decode(signIn.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("next=/device?user_code=" + started.userCode());
        steps.screenshot("01-sign-in-first");

        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        assertThat(steps.path()).isEqualTo("/device");
        assertThat(steps.visible(".code-check__code").getText()).isEqualTo(started.userCode());
        assertThat(steps.mainText()).contains("botocore-client-browser").contains(OidcClients.SCOPE)
                .contains("Signed in as Alice");
        steps.visible("button[name=action][value=approve]");
        steps.visible("button[name=action][value=deny]");
        steps.screenshot("02-consent");
        return started.userCode();
    }

    @Test
    void approveInTheBrowserThenSignOutInThePortalEndsTheTokens() {
        StartDeviceAuthorizationResponse started = startDeviceAuthorization();
        // the CLI's first poll, before the person has done anything
        catchThrowableOfType(AuthorizationPendingException.class, () -> poll(started.deviceCode()));
        signInAndReachConsent(started);
        assertThat(catchThrowableOfType(AuthorizationPendingException.class, () -> poll(started.deviceCode())))
                .as("still pending while the consent page is only shown").isNotNull();

        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        assertThat(steps.mainText()).contains("Device approved").contains("return to your terminal");
        steps.screenshot("03-approved");

        CreateTokenResponse tokens = poll(started.deviceCode());
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .extracting(a -> a.accountName()).containsExactlyInAnyOrder("Production", "Development", "Sandbox");
        // a device code is redeemed once
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> poll(started.deviceCode()))).isNotNull();

        steps.open("/portal");
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        steps.screenshot("04-portal");
        steps.clickAndWait(steps.visible("[data-action=sign-out]"));
        steps.waitForTitle("Signed out · Gatehouse");
        steps.screenshot("05-signed-out");

        UnauthorizedException unauthorized = catchThrowableOfType(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())));
        assertThat(unauthorized).as("the access token after portal sign-out").isNotNull();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        InvalidGrantException invalidGrant = catchThrowableOfType(InvalidGrantException.class,
                () -> refresh(tokens.refreshToken()));
        assertThat(invalidGrant).as("the refresh token after portal sign-out").isNotNull();
        assertThat(invalidGrant.statusCode()).isEqualTo(400);
    }

    @Test
    void denyInTheBrowserIsAccessDenied() {
        StartDeviceAuthorizationResponse started = startDeviceAuthorization();
        signInAndReachConsent(started);

        steps.clickAndWait(steps.visible("button[name=action][value=deny]"));
        steps.waitForTitle("Request denied · Gatehouse");
        assertThat(steps.mainText()).contains("The device was not given access");
        steps.screenshot("03-denied");

        AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, () -> poll(started.deviceCode()));
        assertThat(denied).as("CreateToken after deny").isNotNull();
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");

        // the code is spent: opening the link again shows it as not valid, not a second consent
        steps.open(started.verificationUriComplete());
        assertThat(steps.present("button[name=action][value=approve]")).isFalse();
        assertThat(steps.alert()).contains("That code is not valid");
        steps.screenshot("04-code-spent");
    }

    /**
     * The sign-in session ends (here: the cookie is gone) while the consent page is open: "Allow"
     * leads to sign-in and back to the consent for the same code, not to an empty code form.
     */
    @Test
    void approvingAfterTheSessionEndedSignsInAgainAndComesBackToTheSameCode() {
        StartDeviceAuthorizationResponse started = startDeviceAuthorization();
        signInAndReachConsent(started);
        steps.driver().manage().deleteCookieNamed("gh_session");

        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.signInForm();
        steps.screenshot("03-sign-in-again");
        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        assertThat(steps.visible(".code-check__code").getText()).isEqualTo(started.userCode());
        steps.screenshot("04-same-code-again");
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        assertThat(poll(started.deviceCode()).accessToken()).isNotBlank();
    }

    @Test
    void logoutWithTheDeviceTokenSignsTheBrowserOut() {
        StartDeviceAuthorizationResponse started = startDeviceAuthorization();
        signInAndReachConsent(started);
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        CreateTokenResponse tokens = poll(started.deviceCode());

        steps.open("/portal");
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        steps.screenshot("03-portal-before-logout");

        sso.logout(r -> r.accessToken(tokens.accessToken()));

        steps.driver().navigate().refresh();
        steps.waitForLoad();
        steps.assertSentToSignIn();
        steps.screenshot("04-portal-after-logout");
        assertThat(catchThrowableOfType(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())))).isNotNull();
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> refresh(tokens.refreshToken()))).isNotNull();
    }
}
