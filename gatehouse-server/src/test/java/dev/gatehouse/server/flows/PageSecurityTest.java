package dev.gatehouse.server.flows;

import static dev.gatehouse.server.PageForms.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.PageForms;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' defences over plain HTTP, without a browser: CSRF, cookie attributes, where sign-in
 * may send the browser next, the sign-in throttle, and the headers every page carries. Redirects
 * are not followed, so that every 303 is seen.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageSecurityTest {
    private static final Pattern ALERT = Pattern.compile("<p class=\"alert__text\">([^<]*)</p>");
    private static final String THROTTLED = "Too many failed sign-in attempts";

    @TempDir
    Path dataDir;
    TestService service;
    HttpClient http;
    /** Every response of the test, to check the headers of all the HTML ones at the end. */
    final List<HttpResponse<String>> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        http = newClient();
    }

    @AfterEach
    void stop() {
        http.close();
        service.close();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ---- requests

    private HttpResponse<String> get(String path, String... headers) {
        return send(http, HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return post(http, path, form, headers);
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form, String... headers) {
        return send(client, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PageForms.body(form))), headers);
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = PageForms.send(client, request);
        seen.add(response);
        return response;
    }

    private URI uri(String path) {
        return URI.create(service.baseUrl() + path);
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static String alertOf(HttpResponse<String> page) {
        Matcher m = ALERT.matcher(page.body());
        assertThat(m.find()).as("an alert in the page").isTrue();
        return m.group(1).replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The Set-Cookie header for {@code name}, if the response has one. */
    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private static List<String> attributes(String setCookie) {
        List<String> attributes = new ArrayList<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].trim());
        }
        return attributes;
    }

    /** The csrf field for this client's cookie: from the sign-in form, or the portal when signed in already. */
    private String signInForm() {
        HttpResponse<String> page = get("/login");
        if (page.statusCode() == 303) {
            assertThat(page.headers().firstValue("Location")).hasValue("/portal");
            page = get("/portal");
        }
        assertThat(page.statusCode()).isEqualTo(200);
        return csrfOf(page);
    }

    private HttpResponse<String> signIn(String userName, String password, String next, String... headers) {
        String csrf = signInForm();
        Map<String, String> fields = form("csrf", csrf, "username", userName, "password", password);
        if (next != null) {
            fields.put("next", next);
        }
        return post("/login", fields, headers);
    }

    // ---- tests

    @Test
    void signInWithoutTheRightCsrfFieldIsRefused() {
        String csrf = signInForm();

        HttpResponse<String> missing = post("/login", form("username", "alice", "password", TestDirectory.PASSWORD));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Form expired");
        assertThat(setCookie(missing, "gh_session")).isEmpty();

        HttpResponse<String> wrong = post("/login", form("csrf", csrf.substring(1) + (csrf.startsWith("A") ? "B" : "A"),
                "username", "alice", "password", TestDirectory.PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(setCookie(wrong, "gh_session")).isEmpty();

        // the right field, but from another browser: its cookie is not this one's
        try (HttpClient other = newClient()) {
            HttpResponse<String> elsewhere = post(other, "/login", form("csrf", csrf,
                    "username", "alice", "password", TestDirectory.PASSWORD));
            assertThat(elsewhere.statusCode()).isEqualTo(403);
            assertThat(setCookie(elsewhere, "gh_session")).isEmpty();
        }

        // and nobody got signed in on the way
        assertThat(get("/portal").statusCode()).isEqualTo(303);

        HttpResponse<String> right = post("/login", form("csrf", csrf, "username", "alice", "password", TestDirectory.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(303);
        assertHtmlSecurityHeaders();
    }

    @Test
    void csrfCookieIsHttpOnlyAndStrict() {
        HttpResponse<String> page = get("/login");
        String cookie = setCookie(page, "gh_csrf").orElseThrow(() -> new AssertionError("no gh_csrf cookie"));
        assertThat(cookie).matches("gh_csrf=[A-Za-z0-9_-]{43};.*");
        assertThat(attributes(cookie)).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        // not set again while the browser has it
        assertThat(setCookie(get("/login"), "gh_csrf")).isEmpty();
        assertHtmlSecurityHeaders();
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndAtMostEightHours() {
        HttpResponse<String> signedIn = signIn("alice", TestDirectory.PASSWORD, null);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/portal");
        String cookie = setCookie(signedIn, "gh_session").orElseThrow(() -> new AssertionError("no gh_session cookie"));
        List<String> attributes = attributes(cookie);
        assertThat(attributes).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        long maxAge = attributes.stream().filter(a -> a.startsWith("Max-Age=")).findFirst()
                .map(a -> Long.parseLong(a.substring("Max-Age=".length())))
                .orElseThrow(() -> new AssertionError("no Max-Age in " + cookie));
        assertThat(maxAge).isPositive().isLessThanOrEqualTo(Duration.ofHours(8).toSeconds());
        assertThat(cookie.toLowerCase(Locale.ROOT)).doesNotContain("expires=").doesNotContain("domain=");

        HttpResponse<String> portal = get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Signed in as <strong>Alice</strong>");

        // behind a TLS-terminating proxy both cookies are Secure and __Host- prefixed (the cookie is sent
        // by hand: a cookie jar keeps a Secure cookie away from the plain-http URL the test really uses)
        try (HttpClient proxied = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> page = send(proxied, HttpRequest.newBuilder(uri("/login")).GET(),
                    "X-Forwarded-Proto", "https");
            assertThat(setCookie(page, "gh_csrf")).isEmpty();
            String csrfCookie = setCookie(page, "__Host-gh_csrf").orElseThrow();
            assertThat(attributes(csrfCookie)).contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/");
            HttpResponse<String> overTls = post(proxied, "/login", form("csrf", csrfOf(page),
                    "username", "alice", "password", TestDirectory.PASSWORD), "X-Forwarded-Proto", "https",
                    "Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')));
            assertThat(overTls.statusCode()).isEqualTo(303);
            String sessionCookie = setCookie(overTls, "__Host-gh_session").orElseThrow();
            assertThat(attributes(sessionCookie)).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
            assertThat(sessionCookie.toLowerCase(Locale.ROOT)).doesNotContain("domain=");
            // the portal reads the prefixed cookie over TLS, and only there
            String cookieHeader = sessionCookie.substring(0, sessionCookie.indexOf(';'));
            assertThat(send(proxied, HttpRequest.newBuilder(uri("/portal")).GET(), "X-Forwarded-Proto", "https",
                    "Cookie", cookieHeader).statusCode()).isEqualTo(200);
            assertThat(send(proxied, HttpRequest.newBuilder(uri("/portal")).GET(), "X-Forwarded-Proto", "https",
                    "Cookie", cookieHeader.substring("__Host-".length())).statusCode()).isEqualTo(303);
        }
        assertHtmlSecurityHeaders();
    }

    @Test
    void afterSignInOnlyPathsOnThisServiceAreFollowed() {
        for (String offSite : List.of("//evil.example/x", "https://evil.example", "/\\evil.example",
                "http://127.0.0.1:1/portal", "javascript:alert(1)", "")) {
            HttpResponse<String> response = signIn("alice", TestDirectory.PASSWORD, offSite);
            assertThat(response.statusCode()).as("next=%s", offSite).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as("next=%s", offSite).hasValue("/portal");
        }
        HttpResponse<String> device = signIn("alice", TestDirectory.PASSWORD, "/device?user_code=X");
        assertThat(device.statusCode()).isEqualTo(303);
        assertThat(device.headers().firstValue("Location")).hasValue("/device?user_code=X");

        // signed in already, the sign-in page sends the browser on, by the same rule
        HttpResponse<String> already = get("/login?next=" + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8));
        assertThat(already.statusCode()).isEqualTo(303);
        assertThat(already.headers().firstValue("Location")).hasValue("/portal");
        HttpResponse<String> kept = get("/login?next=" + URLEncoder.encode("/device?user_code=X", StandardCharsets.UTF_8));
        assertThat(kept.headers().firstValue("Location")).hasValue("/device?user_code=X");
        assertHtmlSecurityHeaders();
    }

    @Test
    void repeatedWrongPasswordsAreThrottledAlikeForRealAndUnknownUsers() {
        List<String> realAnswers = new ArrayList<>();
        List<String> ghostAnswers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> real = signIn("alice", "wrong " + i, null);
            HttpResponse<String> ghost = signIn("nobody-here", "wrong " + i, null);
            assertThat(real.statusCode()).as("failure %d of alice", i + 1).isEqualTo(401);
            assertThat(ghost.statusCode()).as("failure %d of an unknown user", i + 1).isEqualTo(401);
            assertThat(real.headers().firstValue("Retry-After")).isEmpty();
            realAnswers.add(alertOf(real));
            ghostAnswers.add(alertOf(ghost));
        }
        assertThat(realAnswers).containsOnly("Incorrect user name or password.");
        assertThat(ghostAnswers).isEqualTo(realAnswers);

        // the 4th answer is 429, even with the right password, and the same for a user that does not exist
        HttpResponse<String> real = signIn("alice", TestDirectory.PASSWORD, null);
        HttpResponse<String> ghost = signIn("nobody-here", "wrong again", null);
        for (HttpResponse<String> throttled : List.of(real, ghost)) {
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(alertOf(throttled)).contains(THROTTLED);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(setCookie(throttled, "gh_session")).isEmpty();
        }
        assertThat(alertOf(ghost)).isEqualTo(alertOf(real));
        assertThat(ghost.headers().firstValue("Retry-After")).isEqualTo(real.headers().firstValue("Retry-After"));
        // the case of the name does not get around it
        assertThat(signIn("ALICE", TestDirectory.PASSWORD, null).statusCode()).isEqualTo(429);
        // another user from the same address is not held up by alice's failures
        assertThat(signIn("bob", TestDirectory.PASSWORD, null).statusCode()).isEqualTo(303);

        long retryAfter = Long.parseLong(real.headers().firstValue("Retry-After").orElseThrow());
        service.clock.advance(Duration.ofSeconds(retryAfter).plusMillis(1));
        HttpResponse<String> again = signIn("alice", TestDirectory.PASSWORD, null);
        assertThat(again.statusCode()).as("after the delay").isEqualTo(303);
        assertThat(setCookie(again, "gh_session")).isPresent();
        HttpResponse<String> ghostAgain = signIn("nobody-here", "wrong", null);
        assertThat(ghostAgain.statusCode()).as("an unknown user after the delay").isEqualTo(401);
        assertHtmlSecurityHeaders();
    }

    /** A client that waits Retry-After seconds, as told, is not throttled again. */
    @Test
    void retryAfterIsLongEnough() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("alice", "wrong", null).statusCode()).isEqualTo(401);
        }
        service.clock.advance(Duration.ofSeconds(1));
        assertThat(signIn("alice", "wrong", null).statusCode()).as("4th failure, after the first delay").isEqualTo(401);
        // now a 2-second delay from that failure; half a second of it has passed
        service.clock.advance(Duration.ofMillis(500));
        HttpResponse<String> throttled = signIn("alice", TestDirectory.PASSWORD, null);
        assertThat(throttled.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(alertOf(throttled)).isEqualTo(THROTTLED + ". Try again in " + retryAfter + " seconds.");

        service.clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(signIn("alice", TestDirectory.PASSWORD, null).statusCode())
                .as("after waiting Retry-After: %s", retryAfter).isEqualTo(303);
        assertHtmlSecurityHeaders();
    }

    @Test
    void signOutWithoutCsrfIsRefusedAndTheSessionStillWorks() {
        assertThat(signIn("alice", TestDirectory.PASSWORD, null).statusCode()).isEqualTo(303);
        HttpResponse<String> portal = get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        String csrf = csrfOf(portal);

        HttpResponse<String> missing = post("/signout", form());
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(setCookie(missing, "gh_session")).isEmpty();
        HttpResponse<String> wrong = post("/signout", form("csrf", "x" + csrf));
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> still = get("/portal");
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(still.body()).contains("Signed in as <strong>Alice</strong>");

        HttpResponse<String> signedOut = post("/signout", form("csrf", csrf));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).contains("Signed out");
        assertThat(setCookie(signedOut, "gh_session").orElseThrow()).contains("Max-Age=0");
        HttpResponse<String> after = get("/portal");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        assertHtmlSecurityHeaders();
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        get("/");
        get("/start");
        get("/login");
        get("/login?next=%2Fdevice");
        post("/login", form("username", "alice")); // 403, no csrf
        get("/portal"); // 303 to sign-in
        get("/device"); // 303 to sign-in
        get("/authorize?client_id=nope"); // 400 page
        signIn("alice", "wrong", null); // 401
        signIn("alice", TestDirectory.PASSWORD, null); // 303
        get("/portal");
        get("/device");
        get("/device?user_code=BCDF-GHJK"); // 404 page
        post("/portal/credentials", form("csrf", csrfOf(get("/portal")), "account_id", TestDirectory.PROD,
                "role_name", "ReadOnlyAccess"));
        post("/portal/credentials", form("csrf", csrfOf(get("/portal")), "account_id", "999999999999",
                "role_name", "ReadOnlyAccess")); // 403 page
        HttpResponse<String> notAForm = send(http, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))); // 415
        assertThat(notAForm.statusCode()).isEqualTo(415);

        assertThat(seen.stream().map(HttpResponse::statusCode).distinct())
                .contains(200, 303, 400, 401, 403, 404, 415);
        assertHtmlSecurityHeaders();
    }

    /** Every page (HTML or redirect) this test saw carries the headers. */
    private void assertHtmlSecurityHeaders() {
        assertThat(seen).isNotEmpty();
        int html = 0;
        for (HttpResponse<String> response : seen) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean page = type.startsWith("text/html") || response.statusCode() == 303;
            if (!page) {
                continue;
            }
            if (type.startsWith("text/html")) {
                html++;
            }
            String what = response.request().method() + " " + response.uri() + " → " + response.statusCode();
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'")
                            .contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        }
        assertThat(html).as("HTML responses seen").isPositive();
    }
}
