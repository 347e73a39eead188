package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.TestService;
import dev.gatehouse.server.web.Browser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in Chromium against one {@link TestService}: open pages, fill the contract's
 * form fields, press buttons and wait for the next page to load.
 */
final class BrowserSteps {
    static final String SIGN_IN = "Sign in · Gatehouse";
    static final String PORTAL = "AWS access portal · Gatehouse";
    static final String CONSENT = "Allow access · Gatehouse";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Browser browser;
    private final TestService service;
    private final String shotPrefix;

    /** @param testName prefixes the screenshots, so that the tests of a class do not overwrite each other's */
    BrowserSteps(Browser browser, TestService service, String testName) {
        this.browser = browser;
        this.service = service;
        this.shotPrefix = testName;
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    /** Every cookie of every site: the browser is shared by the tests of a class, the servers are not. */
    void forgetCookies() {
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Opens a path on the service, or an absolute URL. */
    void open(String pathOrUrl) {
        driver().get(pathOrUrl.startsWith("http") ? pathOrUrl : service.baseUrl() + pathOrUrl);
        waitForLoad();
    }

    void screenshot(String name) {
        browser.screenshot(shotPrefix + "-" + name);
    }

    WebElement visible(String css) {
        WebElement element = new WebDriverWait(driver(), WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        assertThat(element.isDisplayed()).as("%s is visible", css).isTrue();
        return element;
    }

    List<WebElement> all(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !all(css).isEmpty();
    }

    String title() {
        return driver().getTitle();
    }

    String path() {
        return URI.create(driver().getCurrentUrl()).getPath();
    }

    String currentUrl() {
        return driver().getCurrentUrl();
    }

    String mainText() {
        return visible("main").getText();
    }

    void waitForTitle(String title) {
        new WebDriverWait(driver(), WAIT).until(ExpectedConditions.titleIs(title));
    }

    /** Clicks a button that submits a form, and waits until the page it leads to has loaded. */
    void clickAndWait(WebElement button) {
        // a mark on the old document's window: gone once another document has loaded
        driver().executeScript("window.__ghOldPage = true");
        button.click();
        new WebDriverWait(driver(), WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript(
                        "return window.__ghOldPage === undefined && document.readyState === 'complete'")));
    }

    void waitForLoad() {
        new WebDriverWait(driver(), WAIT).ignoring(WebDriverException.class).until(d -> "complete".equals(
                ((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /** The sign-in form as the contract describes it, and its one submit button. */
    WebElement signInForm() {
        assertThat(title()).isEqualTo(SIGN_IN);
        assertThat(path()).isEqualTo("/login");
        visible("input[name=username]");
        visible("input[name=password]");
        List<WebElement> submits = all("form button[type=submit], form input[type=submit]");
        assertThat(submits).as("submit buttons of the sign-in form").hasSize(1);
        return submits.getFirst();
    }

    /** Types the user name (unless already there) and the password, and submits. */
    void submitPassword(String userName, String password) {
        WebElement submit = signInForm();
        WebElement username = visible("input[name=username]");
        username.clear();
        username.sendKeys(userName);
        WebElement passwordField = visible("input[name=password]");
        passwordField.clear();
        passwordField.sendKeys(password);
        clickAndWait(submit);
    }

    /** The error shown on a form or page. */
    String alert() {
        return visible("[role=alert]").getText();
    }

    String cookie(String name) {
        Cookie cookie = driver().manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Puts a cookie back, as a person who copied it would (the page must be on the service). */
    void restoreCookie(String name, String value) {
        driver().manage().addCookie(new Cookie.Builder(name, value).path("/").isHttpOnly(true).build());
    }

    /** Whether the person is on the sign-in page, having been sent there from {@code /portal}. */
    void assertSentToSignIn() {
        assertThat(title()).isEqualTo(SIGN_IN);
        assertThat(path()).isEqualTo("/login");
        signInForm();
        assertThat(present("[data-action=sign-out]")).isFalse();
    }
}
