package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.server.Scrapes;
import dev.gatehouse.server.TestDirectory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the access portal in Chromium as a person does: from the start URL to the portal,
 * role credentials, sign-out; and the second step for a user with a TOTP secret.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserSignInFlowTest extends BrowserFlowTest {
    @Test
    void aliceSignsInGetsCredentialsAndSignsOut() throws Exception {
        steps.open("/start");
        assertThat(steps.path()).isEqualTo("/login");
        steps.signInForm();
        assertThat(steps.present("input[name=otp]")).isFalse();
        steps.screenshot("01-start-leads-to-sign-in");

        steps.submitPassword("alice", "not the password");
        assertThat(steps.title()).isEqualTo(BrowserSteps.SIGN_IN);
        assertThat(steps.path()).isEqualTo("/login");
        assertThat(steps.alert()).isEqualTo("Incorrect user name or password.");
        assertThat(steps.cookie("gh_session")).isNull();
        assertThat(steps.visible("input[name=username]").getAttribute("value")).isEqualTo("alice");
        assertThat(steps.visible("input[name=password]").getAttribute("value")).isEmpty();
        steps.screenshot("02-wrong-password");

        steps.submitPassword("alice", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        assertThat(steps.path()).isEqualTo("/portal");
        assertThat(steps.visible(".portal-head__user").getText()).isEqualTo("Signed in as Alice");
        assertThat(steps.present("[role=alert]")).isFalse();
        assertThat(rolesByAccount()).containsExactly(
                Map.entry("Production", Set.of("AdministratorAccess", "ReadOnlyAccess")),
                Map.entry("Development", Set.of("AdministratorAccess")),
                Map.entry("Sandbox", Set.of("ReadOnlyAccess")));
        assertThat(steps.mainText()).contains(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX);
        steps.visible("[data-action=sign-out]");
        steps.screenshot("03-portal");

        WebElement getCredentials = steps.driver().findElement(By.cssSelector(
                "form.role__form:has(input[name=account_id][value='" + TestDirectory.DEV + "'])"
                        + ":has(input[name=role_name][value=AdministratorAccess]) button[type=submit]"));
        steps.clickAndWait(getCredentials);
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        assertThat(steps.visible(".credentials h2").getText())
                .isEqualTo("Credentials for AdministratorAccess in Development");
        List<String> exports = steps.visible("pre.code-block").getText().lines().toList();
        assertThat(exports).hasSize(3);
        assertThat(exports.get(0)).matches("export AWS_ACCESS_KEY_ID=ASIA[A-Z0-9]{16}");
        assertThat(exports.get(1)).matches("export AWS_SECRET_ACCESS_KEY=\\S{40}");
        assertThat(exports.get(2)).matches("export AWS_SESSION_TOKEN=\\S{20,}");
        // still the portal underneath, accounts and all
        assertThat(rolesByAccount()).hasSize(3);
        steps.screenshot("04-credentials");

        String sessionCookie = steps.cookie("gh_session");
        assertThat(sessionCookie).isNotBlank();
        steps.clickAndWait(steps.visible("[data-action=sign-out]"));
        steps.waitForTitle("Signed out · Gatehouse");
        assertThat(steps.mainText()).contains("You have signed out");
        assertThat(steps.cookie("gh_session")).isNull();
        steps.screenshot("05-signed-out");

        steps.open("/portal");
        steps.assertSentToSignIn();
        steps.screenshot("06-portal-after-sign-out");

        // the old cookie, put back, no longer works: sign-out ended the session on the server
        steps.restoreCookie("gh_session", sessionCookie);
        steps.open("/portal");
        steps.assertSentToSignIn();

        // the sign-in outcomes are counted, and nobody's name is in the metrics
        String metrics = Scrapes.scrape(service.baseUrl()).body();
        assertThat(Scrapes.value(metrics, "gatehouse_sign_in_total{outcome=\"rejected\"}")).isEqualTo(1);
        assertThat(Scrapes.value(metrics, "gatehouse_sign_in_total{outcome=\"signed_in\"}")).isEqualTo(1);
        assertThat(metrics).doesNotContain("alice");
    }

    @Test
    void tomSignsInWithPasswordThenCode() {
        steps.open("/start");
        steps.submitPassword("tom", TestDirectory.PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.SIGN_IN);
        assertThat(steps.path()).isEqualTo("/login");
        WebElement otp = steps.visible("input[name=otp]");
        assertThat(steps.present("[role=alert]")).isFalse();
        assertThat(steps.cookie("gh_session")).isNull();
        assertThat(steps.visible("input[name=username]").getAttribute("value")).isEqualTo("tom");
        // the second form carries a ticket, never the password
        assertThat(steps.driver().getPageSource()).doesNotContain(TestDirectory.PASSWORD);
        assertThat(steps.all("form button[type=submit], form input[type=submit]")).hasSize(1);
        steps.screenshot("01-asks-for-code");

        otp.sendKeys(wrongCode());
        steps.clickAndWait(steps.visible("form button[type=submit]"));
        assertThat(steps.title()).isEqualTo(BrowserSteps.SIGN_IN);
        assertThat(steps.alert()).isEqualTo("Incorrect verification code.");
        assertThat(steps.cookie("gh_session")).isNull();
        steps.screenshot("02-wrong-code");

        steps.visible("input[name=otp]").sendKeys(Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant()));
        steps.clickAndWait(steps.visible("form button[type=submit]"));
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        assertThat(steps.path()).isEqualTo("/portal");
        assertThat(steps.visible(".portal-head__user").getText()).isEqualTo("Signed in as Tom Two-Factor");
        assertThat(rolesByAccount()).containsOnlyKeys("Production", "Development", "Sandbox");
        steps.screenshot("03-portal");
    }

    @Test
    void aCodeWithoutTheRightPasswordIsNotEnough() {
        steps.open("/start");
        WebElement submit = steps.signInForm();
        steps.visible("input[name=username]").sendKeys("tom");
        steps.visible("input[name=password]").sendKeys("wrong");
        steps.clickAndWait(submit);
        assertThat(steps.alert()).isEqualTo("Incorrect user name or password.");
        assertThat(steps.present("input[name=otp]")).isFalse();
        steps.screenshot("01-wrong-password-no-code-step");
    }

    /** A six-digit code that matches none of the steps the service accepts now. */
    private String wrongCode() {
        Set<String> accepted = Set.of(
                Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant().minus(Duration.ofSeconds(30))),
                Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant()),
                Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant().plus(Duration.ofSeconds(30))));
        for (int i = 0; ; i++) {
            String code = String.format("%06d", i * 111_111 % 1_000_000);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    /** Account name → role names, in page order. */
    private Map<String, Set<String>> rolesByAccount() {
        Map<String, Set<String>> accounts = new LinkedHashMap<>();
        for (WebElement account : steps.all("article.account")) {
            String name = account.findElement(By.cssSelector(".account__name")).getText();
            Set<String> roles = Set.copyOf(account.findElements(By.cssSelector(".role__name")).stream()
                    .map(WebElement::getText).toList());
            accounts.put(name, roles);
        }
        return accounts;
    }
}
