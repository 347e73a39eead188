package dev.gatehouse.server.flows;

import static dev.gatehouse.server.PageForms.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.DeviceVerification;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing user codes on {@code /device} (RFC 8628 §5.1), over plain HTTP as a signed-in browser:
 * past the configured number of wrong codes the browser gets a 429 page for every code, a right
 * one too, however many guesses are sent at once, and the lockout is audited without the code; it
 * ends with time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeviceCodeGuessingTest {
    private static final DeviceVerification.Policy POLICY = new DeviceVerification.Policy(4, 100, Duration.ofMinutes(2));

    @TempDir
    Path dataDir;
    TestService service;
    HttpClient browser;

    @BeforeEach
    void start() {
        service = new TestService(dataDir, Limits.DEFAULTS.withWrongUserCodes(POLICY));
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        browser.close();
        service.close();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET());
    }

    private HttpResponse<String> post(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void signIn() {
        HttpResponse<String> signedIn = post("/login", "csrf", csrfOf(get("/login")), "username", "alice",
                "password", TestDirectory.PASSWORD, "next", "/device");
        assertThat(signedIn.statusCode()).isEqualTo(303);
    }

    private String pendingCode() {
        RegisteredClient client = service.gatehouse.clients().register(new ClientRegistry.Request("botocore-client-test",
                "public", List.of("sso:account:access"), List.of(), List.of())).client();
        return service.gatehouse.deviceAuthorizations().start(client, service.baseUrl() + "/start").userCode();
    }

    private static void assertLockedOut(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, POLICY.lockFor().toSeconds()));
        assertThat(page.body()).contains("Too many wrong codes").contains("Wait ");
    }

    @Test
    void wrongCodesLockTheBrowserOutEvenForARightCodeUntilTheLockoutEnds() {
        signIn();
        String code = pendingCode();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < POLICY.perSession(); i++) {
                assertThat(get("/device?user_code=ZZZZ-ZZZ" + "BCDF".charAt(i)).statusCode()).isEqualTo(404);
            }
            assertLockedOut(get("/device?user_code=" + code));
        } finally {
            System.setErr(stderr);
        }
        String audit = log.toString(StandardCharsets.UTF_8);
        assertThat(audit).contains("dev.gatehouse.audit").contains("event=device_user_code_lockout")
                .contains("limit=session").contains("session=device-code-failures-session:")
                .contains("address=device-code-failures-address:")
                .doesNotContain(code).doesNotContain("ZZZZ").doesNotContain("127.0.0.1");

        String csrf = csrfOf(get("/device"));
        assertLockedOut(post("/device", "csrf", csrf, "user_code", code));
        assertLockedOut(post("/device", "csrf", csrf, "user_code", code, "action", "approve"));
        assertLockedOut(post("/device", "csrf", csrf, "user_code", code, "action", "deny"));
        assertThat(service.gatehouse.deviceAuthorizations().pending(code)).isPresent();

        service.clock.advance(POLICY.lockFor());
        assertThat(get("/device?user_code=" + code).statusCode()).isEqualTo(200);
        assertThat(post("/device", "csrf", csrf, "user_code", code, "action", "approve").statusCode()).isEqualTo(200);
        assertThat(service.store.findDeviceAuthorizationByUserCode(code).orElseThrow().state())
                .isEqualTo(DeviceAuthorization.State.APPROVED);
    }

    @Test
    void guessesSentAllAtOnceGetNoMoreLooksThanTheLimit() throws Exception {
        signIn();
        String letters = "BCDFGHJKLMNPQRSTVWXZ";
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String code = "ZZZZ-Z" + letters.charAt(i / 20) + "Z" + letters.charAt(i % 20);
            guesses.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/device?user_code="
                    + code)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> guess : guesses) {
            statuses.merge(guess.get().statusCode(), 1, Integer::sum);
        }
        assertThat(statuses).containsExactly(Map.entry(404, POLICY.perSession()),
                Map.entry(429, 400 - POLICY.perSession()));
    }

    @Test
    void approvingAWrongCodeCountsToo() {
        signIn();
        String csrf = csrfOf(get("/device"));
        for (int i = 0; i < POLICY.perSession(); i++) {
            assertThat(post("/device", "csrf", csrf, "user_code", "ZZZZ-ZZZZ", "action", "approve").statusCode())
                    .isEqualTo(400);
        }
        assertLockedOut(get("/device?user_code=" + pendingCode()));
    }
}
