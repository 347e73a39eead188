package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real headless Chromium: contract selectors, labels, styles, and the form round trips. */
class ChromiumSmokeTest {
    @RegisterExtension
    static final Browser browser = new Browser();
    private static WebTestServer server;

    @BeforeAll
    static void start() {
        server = new WebTestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ChromeDriver open(String path) {
        ChromeDriver driver = browser.driver();
        driver.get(server.url(path).toString());
        return driver;
    }

    private static WebElement visible(String css) {
        WebElement element = browser.driver().findElement(By.cssSelector(css));
        assertThat(element.isDisplayed()).as("%s is visible", css).isTrue();
        return element;
    }

    private static void waitForTitle(String title) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title));
    }

    private static Object js(String script, Object... args) {
        return browser.driver().executeScript(script, args);
    }

    /** Every visible input has exactly one label whose for= names it, and the label is visible. */
    private static void assertLabelled() {
        List<WebElement> inputs = browser.driver().findElements(By.cssSelector("input:not([type=hidden])"));
        for (WebElement input : inputs) {
            String id = input.getAttribute("id");
            assertThat(id).as("id of input %s", input.getAttribute("name")).isNotBlank();
            List<WebElement> labels = browser.driver().findElements(By.cssSelector("label[for='" + id + "']"));
            assertThat(labels).as("label for %s", id).hasSize(1);
            assertThat(labels.getFirst().isDisplayed()).isTrue();
            // the browser itself ties them together
            assertThat(js("return arguments[0].labels.length", input)).isEqualTo(1L);
        }
    }

    private static void assertStyled() {
        assertThat((String) js("return getComputedStyle(document.body).fontFamily")).startsWith("system-ui")
                .doesNotContainIgnoringCase("times");
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(242, 243, 243)");
        assertThat(js("return document.styleSheets.length")).isEqualTo(1L);
    }

    @Test
    void signInPage() {
        open("/sign-in?otp=1");
        assertThat(browser.driver().getTitle()).isEqualTo("Sign in · Gatehouse");
        visible("input[name=username]");
        visible("input[name=password]");
        WebElement otp = visible("input[name=otp]");
        assertThat(otp.getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(otp.getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(browser.driver().findElements(By.cssSelector("button[type=submit], input[type=submit]"))).hasSize(1);
        visible("button[type=submit]");
        assertThat(visible("header.site-header").getText()).contains("Gatehouse");
        assertLabelled();
        assertStyled();
    }

    @Test
    void signInWithoutOtpAndWithAnError() {
        open("/sign-in?error=Incorrect%20username%20or%20password.");
        assertThat(browser.driver().findElements(By.cssSelector("input[name=otp]"))).isEmpty();
        assertThat(visible("[role=alert]").getText()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void focusIsVisible() {
        open("/sign-in");
        WebElement username = visible("input[name=username]");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(username); // autofocus
        username.sendKeys(Keys.TAB);
        WebElement password = browser.driver().switchTo().activeElement();
        assertThat(password.getAttribute("name")).isEqualTo("password");
        assertThat(password.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(password.getCssValue("outline-width")).isEqualTo("3px");
        password.sendKeys(Keys.TAB);
        WebElement button = browser.driver().switchTo().activeElement();
        assertThat(button.getTagName()).isEqualTo("button");
        assertThat(button.getCssValue("outline-style")).isEqualTo("solid");
    }

    @Test
    void signInRoundTripWithCsrfCookie() {
        open("/sign-in");
        assertThat(browser.driver().manage().getCookieNamed("gh_csrf").isHttpOnly()).isTrue();
        visible("input[name=username]").sendKeys(WebTestServer.USER);
        visible("input[name=password]").sendKeys("wrong");
        visible("button[type=submit]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(visible("input[name=username]").getAttribute("value")).isEqualTo(WebTestServer.USER);
        browser.screenshot("sign-in-wrong-password");

        visible("input[name=password]").sendKeys(WebTestServer.PASSWORD);
        visible("button[type=submit]").submit();
        waitForTitle("AWS access portal · Gatehouse");
        visible("[data-action=sign-out]");
    }

    @Test
    void expiredFormIsRefused() {
        open("/sign-in");
        browser.driver().manage().deleteCookieNamed("gh_csrf");
        visible("input[name=username]").sendKeys(WebTestServer.USER);
        visible("input[name=password]").sendKeys(WebTestServer.PASSWORD);
        visible("button[type=submit]").click();
        waitForTitle("Form expired · Gatehouse");
        assertThat(visible("main").getText()).contains("Form expired, reload the page");
    }

    @Test
    void deviceCodeLeadsToConsent() {
        open("/device");
        visible("input[name=user_code]").sendKeys("wdjb-mjht");
        assertLabelled();
        assertStyled();
        browser.screenshot("device-code");
        visible("button[type=submit]").click();
        waitForTitle("Allow access · Gatehouse");
        assertThat(visible(".code-check__code").getText()).isEqualTo("WDJB-MJHT");
    }

    @Test
    void consentPageApproves() {
        open("/consent?user_code=WDJB-MJHT");
        visible("button[name=action][value=deny]");
        WebElement approve = visible("button[name=action][value=approve]");
        assertThat(visible(".code-check__code").getText()).isEqualTo("WDJB-MJHT");
        assertStyled();
        browser.screenshot("consent");
        approve.click();
        waitForTitle("Device approved · Gatehouse");
        assertThat(visible("main").getText()).contains("return to your terminal");
    }

    @Test
    void consentPageDenies() {
        open("/consent");
        visible("button[name=action][value=deny]").click();
        waitForTitle("Request denied · Gatehouse");
    }

    @Test
    void portalShowsAccountsCredentialsAndSignsOut() {
        open("/portal");
        visible("[data-action=sign-out]");
        assertThat(browser.driver().findElements(By.cssSelector(".account"))).hasSize(3);
        for (WebElement role : browser.driver().findElements(By.cssSelector(".role__form button"))) {
            assertThat(role.isDisplayed()).isTrue();
        }
        assertStyled();
        browser.screenshot("portal");

        browser.driver().findElement(By.cssSelector("form.role__form:has(input[name=role_name][value=ReadOnlyAccess]) button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.code-block")));
        String exports = visible("pre.code-block").getText();
        assertThat(exports).contains("export AWS_ACCESS_KEY_ID=ASIAGATEHOUSEEXAMPLE")
                .contains("export AWS_SECRET_ACCESS_KEY=").contains("export AWS_SESSION_TOKEN=");
        assertThat(visible(".credentials h2").getText()).contains("ReadOnlyAccess").contains("Production");
        browser.screenshot("portal-credentials");

        visible("[data-action=sign-out]").click();
        waitForTitle("Signed out · Gatehouse");
    }

    @Test
    void narrowScreensDoNotScrollSideways() {
        ChromeDriver driver = browser.driver();
        Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            for (String path : List.of("/sign-in?otp=1", "/consent?user_code=WDJB-MJHT", "/portal")) {
                open(path);
                assertThat((Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .as(path).isLessThanOrEqualTo(0L);
                browser.screenshot("narrow-" + path.substring(1).replaceAll("[^a-z-].*", ""));
            }
        } finally {
            driver.manage().window().setSize(wide);
        }
    }

    @Test
    void messagePage() {
        open("/message");
        assertThat(visible("h1").getText()).isEqualTo("Device approved");
        assertStyled();
    }
}
