package dev.gatehouse.server;

import static dev.gatehouse.server.PageForms.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's browser over plain HTTP (cookies kept, redirects not followed), for tests that need the
 * real sign-in and device pages without Chromium: it signs in on {@code /login} and approves a device
 * code on {@code /device} by posting the pages' own forms.
 */
public final class PlainBrowser implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(URI base, String path) {
        return PageForms.send(client, HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<String> post(URI base, String path, Map<String, String> form) {
        return PageForms.send(client, HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PageForms.body(form))));
    }

    /** Signs in on the sign-in page, on its way to {@code next}, as the page's form does. */
    public void signIn(URI base, String userName, String password, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(get(base, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
        form.put("username", userName);
        form.put("password", password);
        form.put("next", next);
        HttpResponse<String> signedIn = post(base, "/login", form);
        assertThat(signedIn.statusCode()).as("signed in: %s", signedIn.body()).isEqualTo(303);
    }

    /**
     * Signs in as a user with a TOTP secret: the password first, then, on the form that asks for the
     * code, the code with the ticket the page gave instead of the password.
     */
    public void signInWithCode(URI base, String userName, String password, String code, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(get(base, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
        form.put("username", userName);
        form.put("password", password);
        form.put("next", next);
        HttpResponse<String> asksForCode = post(base, "/login", form);
        assertThat(asksForCode.statusCode()).as("asks for the code: %s", asksForCode.body()).isEqualTo(200);
        Map<String, String> second = new LinkedHashMap<>();
        second.put("csrf", csrfOf(asksForCode));
        second.put("username", userName);
        second.put("ticket", hiddenField(asksForCode, "ticket"));
        second.put("otp", code);
        second.put("next", next);
        HttpResponse<String> signedIn = post(base, "/login", second);
        assertThat(signedIn.statusCode()).as("signed in: %s", signedIn.body()).isEqualTo(303);
    }

    private static String hiddenField(HttpResponse<String> page, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]+)\">").matcher(page.body());
        assertThat(m.find()).as("a %s field in %s", name, page.body()).isTrue();
        return m.group(1);
    }

    /** The values of every cookie this browser holds: secrets the service must never log. */
    public java.util.List<String> cookieValues() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(java.net.HttpCookie::getValue).toList();
    }

    /** Signs in for the device code, then approves it on the device page. */
    public void approveDeviceCode(URI base, String userName, String password, String userCode) {
        signIn(base, userName, password, devicePage(userCode));
        approveSignedIn(base, userCode);
    }

    public static String devicePage(String userCode) {
        return "/device?user_code=" + userCode;
    }

    /** Approves the device code on the device page, already signed in. */
    public void approveSignedIn(URI base, String userCode) {
        String devicePage = devicePage(userCode);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(get(base, devicePage)));
        form.put("user_code", userCode);
        form.put("action", "approve");
        HttpResponse<String> approved = post(base, "/device", form);
        assertThat(approved.statusCode()).as("approved: %s", approved.body()).isEqualTo(200);
    }

    /** True while this browser is signed in: the portal page is shown rather than the sign-in page. */
    public boolean isSignedIn(URI base) {
        HttpResponse<String> portal = get(base, "/portal");
        if (portal.statusCode() == 200) {
            return true;
        }
        assertThat(portal.headers().firstValue("Location")).as("sent to sign in").hasValueSatisfying(
                location -> assertThat(location).contains("/login"));
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
