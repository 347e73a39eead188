package dev.gatehouse.server.invitation;

import static dev.gatehouse.server.PageForms.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.server.PageForms;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.web.SecurityHeaders;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invitation page over plain HTTP, as a browser without scripts uses it: the form, its checks in
 * order, the optional authenticator app, the pages for links that cannot be used, and signing in
 * afterwards. Redirects are not followed, so that every 303 is seen.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InvitationPageTest {
    @TempDir
    Path dataDir;
    TestService service;
    HttpClient http;
    User nina;
    String link;
    /** Every response of the test, to check the headers of all of them at the end. */
    final List<HttpResponse<String>> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        nina = InvitedUsers.create(service, "nina", "Nina New");
        link = InvitedUsers.invitationPath(service, nina);
    }

    @AfterEach
    void stop() {
        for (HttpResponse<String> response : seen) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as("%s", response.uri()).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
        http.close();
        service.close();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PageForms.body(form))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = PageForms.send(http, request);
        seen.add(response);
        return response;
    }

    /** The form's fields as the page gave them, with these typed in. */
    private static Map<String, String> filledIn(HttpResponse<String> page, String... typed) {
        Map<String, String> form = new LinkedHashMap<>();
        Jsoup.parse(page.body()).select("form input[type=hidden]").forEach(i -> form.put(i.attr("name"), i.val()));
        for (int i = 0; i < typed.length; i += 2) {
            form.put(typed[i], typed[i + 1]);
        }
        return form;
    }

    private static String alert(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("[role=alert]").text();
    }

    private String passwordHash() {
        return service.gatehouse.directory().userById(nina.id()).orElseThrow().passwordHash().orElse(null);
    }

    private HttpResponse<String> signIn(String password, String otp) {
        HttpResponse<String> form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("csrf", csrfOf(form), "username", "nina",
                "password", password));
        if (otp != null) {
            fields.put("otp", otp);
        }
        return post("/login", fields);
    }

    @Test
    void theFormAsksForThePasswordTwiceAndOffersAnAuthenticatorApp() {
        HttpResponse<String> page = get(link);

        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.title()).isEqualTo("Set your password · Gatehouse");
        assertThat(doc.select("form[method=post][action=/invitation]")).hasSize(1);
        assertThat(doc.select("input[name=password][type=password][autocomplete=new-password]")).hasSize(1);
        assertThat(doc.select("input[name=passwordRepeat][type=password]")).hasSize(1);
        assertThat(doc.select("input[name=otp]")).hasSize(1);
        assertThat(doc.select("form button[type=submit]")).hasSize(1);
        assertThat(doc.select("input[type=hidden][name=token]").val()).isEqualTo(link.substring(link.indexOf('=') + 1));
        assertThat(doc.select("input[type=hidden][name=csrf]").val()).isNotBlank();
        assertThat(doc.select("main").text()).contains("nina")
                .contains(service.clock.instant().plus(Duration.ofDays(7)).toString().substring(0, 10));
        String secret = doc.select("input[type=hidden][name=totpSecret]").val();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(doc.select("code.authenticator__secret").text().replace(" ", "")).isEqualTo(secret);
        assertThat(doc.select("a.authenticator__uri").attr("href"))
                .isEqualTo("otpauth://totp/Gatehouse%3Anina?secret=" + secret
                        + "&issuer=Gatehouse&algorithm=SHA1&digits=6&period=30");
        assertThat(doc.select("details.authenticator[open]")).as("folded away until wanted").isEmpty();
        // each visit offers a fresh secret
        assertThat(Jsoup.parse(get(link).body()).select("input[name=totpSecret]").val()).isNotEqualTo(secret);
    }

    @Test
    void aPasswordSetThroughTheLinkSignsTheUserIn() {
        assertThat(signIn(InvitedUsers.NEW_PASSWORD, null).statusCode()).as("no password yet").isEqualTo(401);
        HttpResponse<String> page = get(link);

        HttpResponse<String> done = post("/invitation", filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD, "otp", ""));

        assertThat(done.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(done.body());
        assertThat(doc.select("h1").text()).isEqualTo("Password set");
        assertThat(doc.select("main a[href=/login]").text()).isEqualTo("Sign in");
        assertThat(done.body()).doesNotContain(InvitedUsers.NEW_PASSWORD);
        assertThat(service.gatehouse.directory().userById(nina.id()).orElseThrow().totpSecret()).isEmpty();

        HttpResponse<String> signedIn = signIn(InvitedUsers.NEW_PASSWORD, null);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/portal");
        HttpResponse<String> portal = get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(portal.body()).select(".portal-head__user").text()).isEqualTo("Signed in as Nina New");
    }

    @Test
    void theLinkWorksOnce() {
        HttpResponse<String> page = get(link);
        Map<String, String> form = filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD);
        assertThat(post("/invitation", form).statusCode()).isEqualTo(200);
        String hash = passwordHash();

        form.put("password", "Second-try-2026!");
        form.put("passwordRepeat", "Second-try-2026!");
        HttpResponse<String> again = post("/invitation", form);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(again.body()).select("main").text())
                .contains("This invitation link has already been used. Sign in with the password you set.");
        assertThat(passwordHash()).isEqualTo(hash);
        HttpResponse<String> revisit = get(link);
        assertThat(revisit.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(revisit.body()).select("main a[href=/login]")).hasSize(1);
        assertThat(Jsoup.parse(revisit.body()).select("input[name=password]")).isEmpty();
    }

    @Test
    void mismatchedOrWeakPasswordsAreRefusedSayingWhyAndTheLinkStaysGood() {
        HttpResponse<String> page = get(link);

        HttpResponse<String> mismatch = post("/invitation", filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(alert(mismatch)).isEqualTo("The two passwords are not the same.");
        assertThat(mismatch.body()).doesNotContain(InvitedUsers.NEW_PASSWORD);

        HttpResponse<String> weak = post("/invitation", filledIn(mismatch, "password", "alllowercase1",
                "passwordRepeat", "alllowercase1"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(alert(weak)).isEqualTo("The password must contain an upper-case letter and contain a character "
                + "that is not a letter or a digit, such as ! or #.");
        assertThat(passwordHash()).isNull();

        assertThat(post("/invitation", filledIn(weak, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(passwordHash()).isNotNull();
    }

    @Test
    void aFormWithoutItsCsrfTokenSetsNothing() {
        HttpResponse<String> page = get(link);
        Map<String, String> form = filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD);
        form.put("csrf", "forged");
        HttpResponse<String> refused = post("/invitation", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(passwordHash()).isNull();
        form.remove("csrf");
        assertThat(post("/invitation", form).statusCode()).isEqualTo(403);
        assertThat(passwordHash()).isNull();
    }

    @Test
    void anAuthenticatorAppConfirmedWithItsCodeIsNeededAtSignInFromThenOn() {
        HttpResponse<String> page = get(link);
        String secret = Jsoup.parse(page.body()).select("input[name=totpSecret]").val();

        String wrong = "000000".equals(Totp.codeAt(secret, service.clock.instant())) ? "111111" : "000000";
        HttpResponse<String> refused = post("/invitation", filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD, "otp", wrong));
        if (refused.statusCode() == 400) {
            assertThat(alert(refused)).startsWith("Incorrect verification code.");
            Document again = Jsoup.parse(refused.body());
            assertThat(again.select("input[name=totpSecret]").val()).as("the same secret, the app has it").isEqualTo(secret);
            assertThat(again.select("details.authenticator[open]")).hasSize(1);
            assertThat(passwordHash()).isNull();
        } else {
            // "000000" or "111111" happened to be the code of the step before or after: vanishingly rare
            assertThat(refused.statusCode()).isEqualTo(200);
            return;
        }

        HttpResponse<String> done = post("/invitation", filledIn(refused, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD, "otp", Totp.codeAt(secret, service.clock.instant())));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("main").text()).contains("and your authenticator app with it");
        assertThat(service.gatehouse.directory().userById(nina.id()).orElseThrow().totpSecret()).hasValue(secret);

        HttpResponse<String> needsCode = signIn(InvitedUsers.NEW_PASSWORD, null);
        assertThat(needsCode.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(needsCode.body()).select("input[name=otp]")).hasSize(1);
        service.clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> signedIn = signIn(InvitedUsers.NEW_PASSWORD, Totp.codeAt(secret, service.clock.instant()));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/portal");
    }

    @Test
    void linksThatCannotBeUsedGetAPageSayingWhy() {
        HttpResponse<String> unknown = get("/invitation?token=ghiv_" + "A".repeat(64));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).select("h1").text()).isEqualTo("This link cannot be used");
        assertThat(Jsoup.parse(unknown.body()).select("main").text()).contains("This invitation link is not valid.");
        assertThat(get("/invitation").statusCode()).isEqualTo(404);
        assertThat(get("/invitation?token=").statusCode()).isEqualTo(404);
        assertThat(get("/invitation?token=%25ZZ").statusCode()).isEqualTo(404);
        assertThat(get("/invitation?token=a%00b").statusCode()).isEqualTo(400);

        HttpResponse<String> page = get(link);
        service.clock.advance(Duration.ofDays(7));
        HttpResponse<String> expired = get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("main").text())
                .contains("This invitation link has expired. Ask your administrator for a new one.");
        HttpResponse<String> lateForm = post("/invitation", filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD));
        assertThat(lateForm.statusCode()).isEqualTo(410);
        assertThat(passwordHash()).isNull();
    }

    @Test
    void aDeletedUsersLinkLeadsNowhere() {
        HttpResponse<String> page = get(link);
        service.gatehouse.liveDirectory().write(List.of(), List.of(nina));
        HttpResponse<String> gone = post("/invitation", filledIn(page, "password", InvitedUsers.NEW_PASSWORD,
                "passwordRepeat", InvitedUsers.NEW_PASSWORD));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(gone.body()).select("main").text()).contains("the user it was for no longer exists");
    }
}
