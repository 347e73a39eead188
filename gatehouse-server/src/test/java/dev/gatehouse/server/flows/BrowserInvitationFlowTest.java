package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.User;
import dev.gatehouse.server.invitation.InvitedUsers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;

/**
 * A new user's first day in Chromium: made without a password (as identitystore makes users), they
 * open the invitation link, set a password, then sign in on the sign-in page and reach the portal.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserInvitationFlowTest extends BrowserFlowTest {
    private static final String INVITATION = "Set your password · Gatehouse";

    @Test
    void aNewUserSetsAPasswordThroughTheLinkThenSignsIn() {
        User nina = InvitedUsers.create(service, "nina", "Nina New");
        String link = InvitedUsers.invitationPath(service, nina);

        steps.open(link);
        assertThat(steps.title()).isEqualTo(INVITATION);
        assertThat(steps.mainText()).contains("nina");
        steps.visible("input[name=password]");
        steps.visible("input[name=passwordRepeat]");
        WebElement otp = steps.all("input[name=otp]").getFirst();
        assertThat(otp.isDisplayed()).as("the authenticator app is folded away until wanted").isFalse();
        steps.visible("summary.authenticator__summary").click();
        assertThat(otp.isDisplayed()).isTrue();
        assertThat(steps.visible("code.authenticator__secret").getText()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(steps.all("form button[type=submit]")).hasSize(1);
        steps.screenshot("01-invitation");

        fill("Fresh-start-2026!", "Fresh-start-2026?");
        assertThat(steps.title()).isEqualTo(INVITATION);
        assertThat(steps.alert()).isEqualTo("The two passwords are not the same.");
        steps.screenshot("02-passwords-differ");

        fill(InvitedUsers.NEW_PASSWORD, InvitedUsers.NEW_PASSWORD);
        steps.waitForTitle("Password set · Gatehouse");
        assertThat(steps.mainText()).contains("Your password is set");
        steps.screenshot("03-password-set");

        steps.clickAndWait(steps.visible("main a[href='/login']"));
        steps.submitPassword("nina", InvitedUsers.NEW_PASSWORD);
        assertThat(steps.title()).isEqualTo(BrowserSteps.PORTAL);
        assertThat(steps.path()).isEqualTo("/portal");
        assertThat(steps.visible(".portal-head__user").getText()).isEqualTo("Signed in as Nina New");
        assertThat(steps.visible(".account__name").getText()).isEqualTo("Development");
        steps.screenshot("04-portal");

        // the link is spent
        steps.open(link);
        assertThat(steps.mainText()).contains("This invitation link has already been used.");
        assertThat(steps.present("input[name=password]")).isFalse();
        steps.screenshot("05-link-spent");
    }

    /** Types the password twice and sends the form. */
    private void fill(String password, String repeat) {
        WebElement first = steps.visible("input[name=password]");
        first.clear();
        first.sendKeys(password);
        WebElement second = steps.visible("input[name=passwordRepeat]");
        second.clear();
        second.sendKeys(repeat);
        steps.clickAndWait(steps.visible("form button[type=submit]"));
    }
}
