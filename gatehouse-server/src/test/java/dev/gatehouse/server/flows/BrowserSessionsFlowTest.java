package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.server.TestDirectory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The portal's sessions page in Chromium: alice signs in twice (once to approve a device code for the
 * stock SDK's SsoOidcClient, once in a fresh browser), sees both sessions with this browser's marked
 * and the device sign-in's tokens under the other, ends the other (its tokens are refused at once,
 * through the stock SDK), then ends this browser's own and is signed out.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserSessionsFlowTest extends BrowserFlowTest {
    private static final String SESSIONS = "Your sessions · Gatehouse";
    private static final String CLIENT_NAME = "botocore-client-laptop";
    private static final String END = "button[name=action][value=end]";

    SsoOidcClient oidc;
    SsoClient sso;
    RegisterClientResponse client;

    @BeforeEach
    void clients() {
        oidc = OidcClients.of(service);
        sso = service.sdkClientWithoutRetries();
        client = oidc.registerClient(r -> r.clientName(CLIENT_NAME).clientType("public").scopes(OidcClients.SCOPE));
    }

    @AfterEach
    void closeClients() {
        oidc.close();
        sso.close();
    }

    /** The device flow as `aws sso login --use-device-code` drives it, alice approving in this browser. */
    private CreateTokenResponse deviceSignIn() {
        StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(service.baseUrl() + "/start"));
        steps.open(started.verificationUriComplete());
        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.CONSENT);
        steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
        steps.waitForTitle("Device approved · Gatehouse");
        return oidc.createToken(r -> r.grantType(OidcClients.DEVICE_CODE).clientId(client.clientId())
                .clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
    }

    private CreateTokenResponse refresh(String refreshToken) {
        return oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(client.clientSecret()).refreshToken(refreshToken));
    }

    private static String text(WebElement session, String css) {
        return session.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void seeBothSessionsEndTheOtherThenEndThisOne() {
        CreateTokenResponse tokens = deviceSignIn();
        assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).isNotEmpty();
        String deviceBrowserCookie = steps.cookie("gh_session");
        assertThat(deviceBrowserCookie).isNotNull();

        // a second sign-in, as from another browser
        steps.forgetCookies();
        steps.open("/portal");
        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        steps.screenshot("01-portal");
        steps.clickAndWait(steps.visible("a[data-action=sessions]"));
        assertThat(steps.title()).isEqualTo(SESSIONS);
        assertThat(steps.path()).isEqualTo("/portal/sessions");

        List<WebElement> sessions = steps.all("[data-session-id]");
        assertThat(sessions).hasSize(2);
        WebElement current = steps.visible("[data-current=true]");
        WebElement other = sessions.stream().filter(s -> s.getAttribute("data-current") == null).findFirst().orElseThrow();
        assertThat(text(current, "h3")).isEqualTo("Signed in in a browser This browser");
        assertThat(text(current, ".session__none")).isEqualTo("None.");
        assertThat(text(other, "h3")).isEqualTo("Signed in for a device code (" + CLIENT_NAME + ")");
        for (WebElement session : sessions) {
            assertThat(text(session, "[data-field=address]")).isEqualTo("127.0.0.1");
            assertThat(text(session, "[data-field=browser]")).as("Chromium's User-Agent, shortened")
                    .matches("Chrome( \\(headless\\))? \\d+ on Linux");
            assertThat(text(session, "[data-field=started] time")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(text(session, "[data-field=expires] time")).endsWith(" UTC");
        }
        WebElement signInFromIt = other.findElement(By.cssSelector("[data-client-id='" + client.clientId() + "']"));
        assertThat(text(signInFromIt, ".session__client-name")).isEqualTo(CLIENT_NAME);
        assertThat(signInFromIt.findElements(By.cssSelector(".token"))).extracting(t -> t.getAttribute("data-token-kind"))
                .containsExactlyInAnyOrder("ACCESS", "REFRESH");
        assertThat(signInFromIt.findElements(By.cssSelector(".token"))).extracting(WebElement::getText)
                .allSatisfy(token -> assertThat(token).contains(" to 127.0.0.1, expires "));
        assertThat(text(other, "[data-field=last-used]")).as("the SDK's ListAccounts used it").endsWith(" UTC");
        steps.screenshot("02-two-sessions");

        String otherId = other.getAttribute("data-session-id");
        steps.clickAndWait(other.findElement(By.cssSelector(END)));
        assertThat(steps.title()).isEqualTo(SESSIONS);
        assertThat(steps.visible("[role=status]").getText()).startsWith("Session ended.");
        assertThat(steps.all("[data-session-id]")).extracting(s -> s.getAttribute("data-session-id"))
                .containsExactly(steps.visible("[data-current=true]").getAttribute("data-session-id"))
                .doesNotContain(otherId);
        steps.screenshot("03-other-ended");

        UnauthorizedException unauthorized = catchThrowableOfType(UnauthorizedException.class,
                () -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())));
        assertThat(unauthorized).as("the ended session's access token").isNotNull();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> refresh(tokens.refreshToken())))
                .as("the ended session's refresh token").isNotNull();

        steps.clickAndWait(steps.visible("[data-current=true] " + END));
        steps.assertSentToSignIn();
        assertThat(steps.cookie("gh_session")).as("this browser's session cookie").isNull();
        steps.screenshot("04-this-one-ended-signed-out");
        steps.open("/portal/sessions");
        steps.assertSentToSignIn();

        // the first browser's cookie is signed out too
        steps.restoreCookie("gh_session", deviceBrowserCookie);
        steps.open("/portal");
        steps.assertSentToSignIn();
    }
}
