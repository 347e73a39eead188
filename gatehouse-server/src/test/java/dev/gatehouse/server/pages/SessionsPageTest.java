package dev.gatehouse.server.pages;

import static dev.gatehouse.server.PageForms.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.PageForms;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sessions page's "End" over plain HTTP, redirects not followed: what it refuses (no CSRF token, a
 * session of someone else, an unknown one, a browser signed out) leaves every session as it was and
 * shows nothing of anyone else's; what it accepts ends exactly the session named.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionsPageTest {
    private static final String NOT_YOURS = "That session is not one of your active sessions.";

    @TempDir
    Path dataDir;
    TestService service;
    HttpClient alice;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        alice = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        alice.close();
        service.close();
    }

    private HttpResponse<String> get(HttpClient client, String path) {
        return PageForms.send(client, HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(HttpClient client, String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return PageForms.send(client, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PageForms.body(form))));
    }

    private URI uri(String path) {
        return URI.create(service.baseUrl() + path);
    }

    /** Alice signs in through the form; returns the sessions page's CSRF token. */
    private String aliceSignsInAndOpensHerSessions() {
        HttpResponse<String> signedIn = post(alice, "/login", "csrf", csrfOf(get(alice, "/login")), "username", "alice",
                "password", TestDirectory.PASSWORD, "next", "/portal/sessions");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/portal/sessions");
        HttpResponse<String> page = get(alice, "/portal/sessions");
        assertThat(page.statusCode()).isEqualTo(200);
        return csrfOf(page);
    }

    private boolean active(SignInSession session) {
        return service.gatehouse.sessions().active(session.id()).isPresent();
    }

    @Test
    void thePageListsOnlyHerOwnSessionsWithThePortalsHeaders() {
        SignInSession hers = service.session("alice");
        SignInSession bobs = service.session("bob");
        aliceSignsInAndOpensHerSessions();
        HttpResponse<String> page = get(alice, "/portal/sessions");
        assertThat(page.body()).contains("data-session-id=\"" + hers.id() + "\"").doesNotContain(bobs.id());
        assertThat(page.body().split("data-session-id=", -1)).as("her two sessions").hasSize(3);
        assertThat(page.body()).containsOnlyOnce("data-current=\"true\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> portal = get(alice, "/portal");
        assertThat(portal.body()).contains("href=\"/portal/sessions\"");
    }

    @Test
    void endingAnotherOfHerSessionsEndsExactlyThatOne() {
        SignInSession other = service.session("alice");
        SignInSession kept = service.session("alice");
        String csrf = aliceSignsInAndOpensHerSessions();

        HttpResponse<String> ended = post(alice, "/portal/sessions/end", "csrf", csrf, "session_id", other.id(),
                "action", "end");
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains("role=\"status\"").contains("Session ended.")
                .doesNotContain("data-session-id=\"" + other.id() + "\"")
                .contains("data-session-id=\"" + kept.id() + "\"");
        assertThat(active(other)).isFalse();
        assertThat(active(kept)).isTrue();
        assertThat(get(alice, "/portal/sessions").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> again = post(alice, "/portal/sessions/end", "csrf", csrf, "session_id", other.id());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("That session had already ended.");
    }

    @Test
    void withoutTheCsrfTokenNothingEnds() {
        SignInSession other = service.session("alice");
        String csrf = aliceSignsInAndOpensHerSessions();

        HttpResponse<String> missing = post(alice, "/portal/sessions/end", "session_id", other.id(), "action", "end");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Form expired");
        HttpResponse<String> wrong = post(alice, "/portal/sessions/end", "csrf", csrf.substring(1) + "A",
                "session_id", other.id());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(active(other)).isTrue();
    }

    @Test
    void aSessionOfSomeoneElseIsAnsweredAsOneThatDoesNotExist() {
        SignInSession bobs = service.session("bob");
        String csrf = aliceSignsInAndOpensHerSessions();

        HttpResponse<String> refused = post(alice, "/portal/sessions/end", "csrf", csrf, "session_id", bobs.id(),
                "action", "end");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("role=\"alert\"").contains(NOT_YOURS).doesNotContain(bobs.id());
        assertThat(active(bobs)).isTrue();

        HttpResponse<String> unknown = post(alice, "/portal/sessions/end", "csrf", csrf, "session_id", "no-such-session");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains(NOT_YOURS);
        HttpResponse<String> none = post(alice, "/portal/sessions/end", "csrf", csrf);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains(NOT_YOURS);
        assertThat(get(alice, "/portal/sessions").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signedOutTheBrowserIsSentToSignInAndNothingEnds() {
        SignInSession hers = service.session("alice");
        try (HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> page = get(stranger, "/portal/sessions");
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValue("/login?next=/portal/sessions");
            HttpResponse<String> end = post(stranger, "/portal/sessions/end", "csrf", "x", "session_id", hers.id());
            assertThat(end.statusCode()).isEqualTo(303);
            assertThat(end.headers().firstValue("Location")).hasValue("/login?next=/portal/sessions");
        }
        assertThat(active(hers)).isTrue();
    }

    @Test
    void endingThisBrowsersOwnSessionSignsItOut() {
        String csrf = aliceSignsInAndOpensHerSessions();
        HttpResponse<String> page = get(alice, "/portal/sessions");
        String current = page.body().replaceAll("(?s).*data-session-id=\"([^\"]+)\" data-current=\"true\".*", "$1");
        SignInSession session = service.gatehouse.sessions().active(current).orElseThrow();

        HttpResponse<String> ended = post(alice, "/portal/sessions/end", "csrf", csrf, "session_id", session.id());
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).hasValue("/login");
        assertThat(ended.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("gh_session=").contains("Max-Age=0"));
        assertThat(active(session)).isFalse();
        assertThat(get(alice, "/portal/sessions").statusCode()).as("signed out").isEqualTo(303);
    }
}
