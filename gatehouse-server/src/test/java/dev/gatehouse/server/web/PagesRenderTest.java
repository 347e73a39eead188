package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.MustacheException;
import dev.gatehouse.server.wire.WireResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The templates, rendered without a browser and read back as HTML. */
class PagesRenderTest {
    private static final Pages PAGES = new Pages(new StaticFiles());
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static WebTestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new WebTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Document render(String template, Map<String, ?> model) {
        WireResponse response = PAGES.render(template, model);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertPlainHtml(html);
        return Jsoup.parse(html);
    }

    /** What the Content-Security-Policy would block must not be there at all. */
    private static void assertPlainHtml(String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().startsWith("on"))).isEmpty();
    }

    private static Elements submitButtons(Document doc) {
        return doc.select("button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]");
    }

    /** Every visible form control has a label tied to it by id, and every form carries the CSRF token. */
    private static void assertAccessibleForms(Document doc) {
        for (Element input : doc.select("input:not([type=hidden]), select, textarea")) {
            assertThat(input.id()).as("id of %s", input.attr("name")).isNotEmpty();
            assertThat(doc.select("label[for=" + input.id() + "]")).as("label for %s", input.id()).hasSize(1);
        }
        for (Element form : doc.select("form")) {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.select("input[type=hidden][name=csrf]")).hasSize(1);
        }
    }

    @Test
    void layoutHasHeaderMainFooterAndTheVersionedStylesheet() {
        Document doc = render(Pages.SIGN_IN, SamplePages.signIn());
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.title()).isEqualTo("Sign in · Gatehouse");
        assertThat(doc.select("header.site-header").text()).contains("Gatehouse");
        assertThat(doc.select("main#main")).hasSize(1);
        assertThat(doc.select("footer.site-footer")).hasSize(1);
        assertThat(doc.select("link[rel=stylesheet]").attr("href")).matches("/static/gatehouse\\.css\\?v=[0-9a-f]{12}");
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
    }

    @Test
    void signInHasOneSubmitButtonAndTheContractFields() {
        Document doc = render(Pages.SIGN_IN, SamplePages.signIn());
        assertThat(submitButtons(doc)).hasSize(1);
        assertThat(doc.select("input[name=username]").attr("autocomplete")).isEqualTo("username");
        assertThat(doc.select("input[name=password]").attr("type")).isEqualTo("password");
        assertThat(doc.select("input[name=otp]")).isEmpty();
        assertThat(doc.select("[role=alert]")).isEmpty();
        assertThat(doc.select("input[type=hidden][name=csrf]").val()).isEqualTo(SamplePages.CSRF);
        assertAccessibleForms(doc);
    }

    @Test
    void signInAsksForTheOneTimeCodeOnlyWhenTold() {
        Map<String, Object> model = SamplePages.signIn();
        model.put("otp", true);
        Document doc = render(Pages.SIGN_IN, model);
        Element otp = doc.selectFirst("input[name=otp]");
        assertThat(otp).isNotNull();
        assertThat(otp.attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(otp.attr("inputmode")).isEqualTo("numeric");
        assertThat(submitButtons(doc)).hasSize(1);
        assertAccessibleForms(doc);

        model.put("otp", false);
        assertThat(render(Pages.SIGN_IN, model).select("input[name=otp]")).isEmpty();
    }

    @Test
    void signInShowsTheErrorAsAnAlertAndEscapesEverything() {
        Map<String, Object> model = SamplePages.signIn();
        model.put("error", "Bad password " + SCRIPT);
        model.put("username", "\"><script>alert(2)</script>");
        WireResponse response = PAGES.render(401, Pages.SIGN_IN, model);
        assertThat(response.status()).isEqualTo(401);
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("[role=alert]").text()).isEqualTo("Bad password " + SCRIPT);
        assertThat(doc.select("input[name=username]").val()).isEqualTo("\"><script>alert(2)</script>");
        assertThat(doc.select("script")).isEmpty();
    }

    @Test
    void hiddenFieldsPassThroughEscaped() {
        Document doc = render(Pages.SIGN_IN, SamplePages.signIn());
        Map<String, String> expected = SamplePages.passThrough();
        for (Map.Entry<String, String> field : expected.entrySet()) {
            assertThat(doc.select("input[type=hidden][name=" + field.getKey() + "]").val()).isEqualTo(field.getValue());
        }
        assertThat(doc.select("form input[type=hidden]")).hasSize(1 + expected.size());
        // also as a list of name/value pairs
        Map<String, Object> model = SamplePages.signIn();
        model.put("hidden", List.of(Map.of("name", "a", "value", "1"), Map.of("name", "b", "value", "<2>")));
        assertThat(render(Pages.SIGN_IN, model).select("input[name=b]").val()).isEqualTo("<2>");
    }

    @Test
    void deviceCodeHasTheUserCodeField() {
        Document doc = render(Pages.DEVICE_CODE, SamplePages.deviceCode());
        assertThat(doc.select("input[name=user_code]")).hasSize(1);
        assertThat(doc.select("input[name=user_code]").val()).isEmpty();
        assertThat(submitButtons(doc)).hasSize(1);
        assertAccessibleForms(doc);

        Map<String, Object> prefilled = SamplePages.deviceCode();
        prefilled.put("userCode", "ABCD-EFGH");
        assertThat(render(Pages.DEVICE_CODE, prefilled).select("input[name=user_code]").val()).isEqualTo("ABCD-EFGH");
    }

    @Test
    void consentHasApproveAndDenyButtonsAndTheCodeToCompare() {
        Document doc = render(Pages.CONSENT, SamplePages.consent(true));
        assertThat(doc.select("button[name=action][value=approve]")).hasSize(1);
        assertThat(doc.select("button[name=action][value=deny]")).hasSize(1);
        assertThat(doc.select("button[name=action][value=approve]").first().parents()).anyMatch(e -> e.tagName().equals("form"));
        assertThat(doc.select(".code-check__code").text()).isEqualTo("WDJB-MJHT");
        assertThat(doc.text()).contains("botocore-client-default").contains("sso:account:access").contains("Alice Example");
        assertThat(doc.select("input[type=hidden][name=request_id]").val()).isEqualTo("req-42");
        assertAccessibleForms(doc);

        Document pkce = render(Pages.CONSENT, SamplePages.consent(false));
        assertThat(pkce.select(".code-check")).isEmpty();
        assertThat(pkce.select("button[name=action]")).hasSize(2);
    }

    @Test
    void consentEscapesTheClientName() {
        Map<String, Object> model = SamplePages.consent(true);
        model.put("clientName", SCRIPT);
        String html = PAGES.html(Pages.CONSENT, model);
        assertThat(html).doesNotContain(SCRIPT);
        assertThat(Jsoup.parse(html).select(".details dd").first().text()).isEqualTo(SCRIPT);
    }

    @Test
    void portalListsAccountsRolesAndHasSignOut() {
        Map<String, Object> model = SamplePages.portal(false);
        model.put("displayName", SCRIPT);
        Document doc = render(Pages.PORTAL, model);
        assertThat(doc.select("[data-action=sign-out]")).hasSize(1);
        assertThat(doc.select("[data-action=sign-out]").first().closest("form").attr("action")).isEqualTo("/sign-out");
        assertThat(doc.select(".portal-head__user").text()).isEqualTo("Signed in as " + SCRIPT);
        assertThat(doc.select(".account")).hasSize(3);
        assertThat(doc.select(".account__name").eachText()).containsExactly("Production", "Development", "Audit");
        assertThat(doc.text()).contains("aws-prod@example.com").contains("444455556666");

        Elements roleForms = doc.select("form.role__form");
        assertThat(roleForms).hasSize(3);
        Element readOnly = roleForms.get(1);
        assertThat(readOnly.attr("action")).isEqualTo("/portal/credentials");
        assertThat(readOnly.select("input[name=account_id]").val()).isEqualTo("111122223333");
        assertThat(readOnly.select("input[name=role_name]").val()).isEqualTo("ReadOnlyAccess");
        assertThat(readOnly.select("input[name=csrf]").val()).isEqualTo(SamplePages.CSRF);
        assertThat(readOnly.select("button").text()).isEqualTo("Get credentials");
        assertThat(doc.select(".role--empty")).hasSize(1);
        assertThat(doc.select(".credentials")).isEmpty();
        assertAccessibleForms(doc);
    }

    @Test
    void portalShowsCredentialsAsEnvironmentVariables() {
        Document doc = render(Pages.PORTAL, SamplePages.portal(true));
        String exports = doc.select("pre.code-block").first().wholeText();
        assertThat(exports).isEqualTo("""
                export AWS_ACCESS_KEY_ID=ASIAGATEHOUSEEXAMPLE
                export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                export AWS_SESSION_TOKEN=%s""".formatted(SamplePages.SESSION_TOKEN));
        assertThat(doc.select(".credentials time").attr("datetime")).isEqualTo("2026-11-24T20:15:00Z");
        assertThat(doc.select(".credentials").text()).contains("24 Nov 2026, 20:15 UTC").contains("ReadOnlyAccess");
    }

    @Test
    void portalWithoutAccountsSaysSo() {
        Map<String, Object> model = SamplePages.portal(false);
        model.put("accounts", List.of());
        Document doc = render(Pages.PORTAL, model);
        assertThat(doc.select(".empty").text()).contains("No AWS accounts");
        assertThat(doc.select("[data-action=sign-out]")).hasSize(1);
    }

    @Test
    void portalLinksToTheSessionsPage() {
        Document doc = render(Pages.PORTAL, SamplePages.portal(false));
        assertThat(doc.select("a[data-action=sessions]").attr("href")).isEqualTo("/portal/sessions");
    }

    @Test
    void sessionsListsEachSessionWithItsEndFormAndMarksThisBrowser() {
        Map<String, Object> model = SamplePages.sessions();
        model.put("displayName", SCRIPT);
        Document doc = render(Pages.SESSIONS, model);
        assertThat(doc.title()).isEqualTo("Your sessions · Gatehouse");
        assertThat(doc.select(".portal-head__user").text()).isEqualTo("Signed in as " + SCRIPT);
        assertThat(doc.select("[data-session-id]").eachAttr("data-session-id"))
                .containsExactly("session-browser", "session-device");
        assertThat(doc.select("[data-current=true]").attr("data-session-id")).isEqualTo("session-browser");
        assertThat(doc.select("[data-marker=this-browser]")).hasSize(1);

        Element device = doc.selectFirst("[data-session-id=session-device]");
        assertThat(device.select("h3").text()).isEqualTo("Signed in for a device code (botocore-client-laptop)");
        assertThat(device.select("[data-field=address]").text()).isEqualTo("203.0.113.7");
        assertThat(device.select("[data-field=browser]").text()).isEqualTo("Chrome 131 on Linux");
        assertThat(device.select("[data-field=started] time").attr("datetime")).isEqualTo("2026-11-24T19:15:00Z");
        assertThat(device.select("[data-field=last-used]").text()).isEqualTo("Not since it started");
        assertThat(device.select("[data-field=role-sessions]").text()).startsWith("2 still valid");
        assertThat(device.select("[data-client-id=client-1] .session__client-name").text())
                .isEqualTo("botocore-client-laptop");
        assertThat(device.select(".token").eachText()).containsExactly(
                "Access token, issued 2026-11-24 19:16:00 UTC to 203.0.113.7, expires 2026-11-24 20:16:00 UTC",
                "Refresh token, issued 2026-11-24 19:16:00 UTC, expires 2026-11-24 20:16:00 UTC");
        Element browser = doc.selectFirst("[data-session-id=session-browser]");
        assertThat(browser.select("[data-field=last-used] time").text()).isEqualTo("2026-11-24 19:30:00 UTC");
        assertThat(browser.select(".session__none").text()).isEqualTo("None.");
        assertThat(browser.select("[data-field=role-sessions]")).isEmpty();

        Elements ends = doc.select("button[name=action][value=end]");
        assertThat(ends).hasSize(2);
        for (Element end : ends) {
            Element form = end.closest("form");
            assertThat(form.attr("action")).isEqualTo("/portal/sessions/end");
            assertThat(form.selectFirst("input[name=session_id]").val())
                    .isEqualTo(end.closest("[data-session-id]").attr("data-session-id"));
            assertThat(end.attr("aria-label")).startsWith("End the session started ");
        }
        assertThat(doc.select("[role=status], [role=alert]")).isEmpty();
        assertAccessibleForms(doc);
    }

    @Test
    void sessionsShowsANoticeOrAnError() {
        Map<String, Object> model = SamplePages.sessions();
        model.put("notice", "Session ended. " + SCRIPT);
        assertThat(render(Pages.SESSIONS, model).select("[role=status]").text()).isEqualTo("Session ended. " + SCRIPT);
        model.remove("notice");
        model.put("error", "Not one of yours.");
        assertThat(render(Pages.SESSIONS, model).select("[role=alert]").text()).isEqualTo("Not one of yours.");
    }

    @Test
    void messageHasTitleTextAndOptionalLink() {
        Map<String, Object> model = SamplePages.message("error", "Form expired", "Form expired, reload the page " + SCRIPT);
        Document doc = render(Pages.MESSAGE, model);
        assertThat(doc.title()).isEqualTo("Form expired · Gatehouse");
        assertThat(doc.select("h1").text()).isEqualTo("Form expired");
        assertThat(doc.select(".card__text").text()).isEqualTo("Form expired, reload the page " + SCRIPT);
        assertThat(doc.select(".card--error")).hasSize(1);
        assertThat(doc.select("a")).noneMatch(a -> a.hasClass("button"));

        model.put("link", Map.of("href", "/sign-in?x=1&y=2", "label", "Sign in again"));
        Element link = render(Pages.MESSAGE, model).selectFirst("a.button");
        assertThat(link.attr("href")).isEqualTo("/sign-in?x=1&y=2");
        assertThat(link.text()).isEqualTo("Sign in again");

        PageResponse expired = PAGES.formExpired();
        assertThat(expired.status()).isEqualTo(403);
        assertThat(new String(expired.response().body(), StandardCharsets.UTF_8)).contains("Form expired, reload the page");
    }

    @Test
    void unknownTemplatesAndMissingRequiredKeysFailLoudly() {
        assertThatThrownBy(() -> PAGES.render("nope", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PAGES.render("layout", Map.of())).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> model = SamplePages.consent(false);
        model.remove("clientName");
        assertThatThrownBy(() -> PAGES.render(Pages.CONSENT, model)).isInstanceOf(MustacheException.class);
    }

    @Test
    void htmlResponseIsUtf8Html() {
        WireResponse response = HtmlResponse.of(404, "<p>é</p>");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(response.body()).isEqualTo("<p>é</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(response.errorType()).isNull();
    }

    @Test
    void everyPageResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/sign-in", "/sign-in?otp=1", "/device", "/consent", "/portal", "/message")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.url(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(response);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        }
        // a refused form, a redirect and a failure too
        HttpResponse<String> expired = post("/sign-in", "csrf=forged&username=alice", null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Form expired, reload the page");
        assertSecurityHeaders(expired);

        HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(server.url("/boom")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Something went wrong").doesNotContain("placeholder failure");
        assertSecurityHeaders(failed);
    }

    @Test
    void aValidPostIsAnsweredWithA303Redirect() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.url("/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String token = Jsoup.parse(page.body()).select("input[name=csrf]").val();
        HttpResponse<String> redirect = post("/sign-in",
                "csrf=" + token + "&state=state-xyz&username=alice&password=correct+horse+battery+staple", cookie);
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/portal");
        assertThat(redirect.body()).isEmpty();
        assertSecurityHeaders(redirect);
        assertThatThrownBy(() -> PageResponse.redirect("/x\r\nSet-Cookie: a=b")).isInstanceOf(IllegalArgumentException.class);
    }

    static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        URI uri = response.uri();
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(uri.toString()).hasValue(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://127.0.0.1:* "
                        + "http://localhost:*; frame-ancestors 'none'; base-uri 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(uri.toString()).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(uri.toString()).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).as(uri.toString()).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(uri.toString()).hasValue("nosniff");
    }
}
