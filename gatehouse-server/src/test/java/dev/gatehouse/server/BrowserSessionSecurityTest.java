package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.AddressRange;
import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.domain.token.TokenKind;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser session against an attacker who holds cookies and form fields of their own, over raw
 * HTTP so that every cookie sent is chosen by the test and every header byte is seen: CSRF tokens
 * bound to the sign-in, the TOTP ticket good once and only in its browser, the idle timeout, and the
 * Location after sign-in.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrowserSessionSecurityTest {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @TempDir
    Path dataDir;
    TestService service;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    /** A browser: the cookies its answers set, sent back on each request; from an address when one is given. */
    private final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final String address;

        Browser() {
            this(null);
        }

        /** A browser at {@code address}, as a trusted proxy says in X-Forwarded-For. */
        Browser(String address) {
            this.address = address;
        }

        RawHttp.Response get(String target) throws IOException {
            return request("GET " + target + " HTTP/1.1", new byte[0]);
        }

        RawHttp.Response post(String path, Map<String, String> form) throws IOException {
            byte[] body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
            return request("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length, body);
        }

        private RawHttp.Response request(String head, byte[] body) throws IOException {
            String cookieHeader = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            RawHttp.Response response = RawHttp.exchange(service.baseUrl(), head
                    + (cookieHeader.isEmpty() ? "" : "\r\nCookie: " + cookieHeader)
                    + (address == null ? "" : "\r\nX-Forwarded-For: " + address) + "\r\nConnection: close", body);
            for (String[] header : response.headers()) {
                if (header[0].equalsIgnoreCase("Set-Cookie")) {
                    String pair = header[1].substring(0, header[1].indexOf(';'));
                    String name = pair.substring(0, pair.indexOf('='));
                    if (header[1].contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                    }
                }
            }
            return response;
        }

        /** Signs in through the form; the answer to the form's POST. */
        RawHttp.Response signIn(String userName, String next) throws IOException {
            return signIn(userName, TestDirectory.PASSWORD, next);
        }

        RawHttp.Response signIn(String userName, String password, String next) throws IOException {
            Map<String, String> form = hiddenFields(get("/login"));
            form.put("username", userName);
            form.put("password", password);
            if (next != null) {
                form.put("next", next);
            }
            return post("/login", form);
        }
    }

    private static Map<String, String> hiddenFields(RawHttp.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&#x2F;", "/").replace("&#x3D;", "="));
        }
        assertThat(fields).containsKey("csrf");
        return fields;
    }

    private static Map<String, String> form(Map<String, String> hidden, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>(hidden);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static Map<String, String> csrfOnly(Map<String, String> hidden) {
        return form(Map.of("csrf", hidden.get("csrf")));
    }

    // ---- CSRF (issue 10, item 9)

    @Test
    void aCsrfPairFetchedWithoutSigningInFailsOnASignedInBrowser() throws IOException {
        Browser attacker = new Browser();
        Map<String, String> attackerForm = hiddenFields(attacker.get("/login"));
        String attackerCsrfCookie = attacker.cookies.get("gh_csrf");

        Browser victim = new Browser();
        assertThat(victim.signIn("alice", null).status()).isEqualTo(303);
        // the attacker's pair, sent with the victim's session cookie (as a planted cookie would be)
        victim.cookies.put("gh_csrf", attackerCsrfCookie);

        RawHttp.Response credentials = victim.post("/portal/credentials", form(csrfOnly(attackerForm),
                "account_id", TestDirectory.PROD, "role_name", "ReadOnlyAccess"));
        assertThat(credentials.status()).isEqualTo(403);
        assertThat(credentials.body()).contains("Form expired").doesNotContain("AWS_SECRET_ACCESS_KEY");

        assertThat(victim.post("/signout", csrfOnly(attackerForm)).status()).isEqualTo(403);
        assertThat(victim.get("/portal").status()).as("still signed in").isEqualTo(200);

        // login CSRF: signing the victim's browser in as the attacker
        RawHttp.Response login = victim.post("/login", form(csrfOnly(attackerForm),
                "username", "bob", "password", TestDirectory.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.header("Set-Cookie")).isEmpty();
        assertThat(victim.get("/portal").body()).contains("Signed in as <strong>Alice</strong>");

        // the same pair does work where it was made, so the refusals above are the binding's
        assertThat(attacker.post("/login", form(csrfOnly(attackerForm),
                "username", "bob", "password", TestDirectory.PASSWORD)).status()).isEqualTo(303);
    }

    /** Signed out (the session cookie gone), a form that acts as someone only leads to sign-in. */
    @Test
    void withoutASessionTheFormsThatActAsSomeoneOnlyLeadToSignIn() throws IOException {
        Browser nobody = new Browser();
        RawHttp.Response credentials = nobody.post("/portal/credentials", Map.of(
                "account_id", TestDirectory.PROD, "role_name", "ReadOnlyAccess"));
        assertThat(credentials.status()).isEqualTo(303);
        assertThat(credentials.header("Location")).hasValue("/login?next=/portal");
        RawHttp.Response device = nobody.post("/device", Map.of("user_code", "BCDF-GHJK", "action", "approve"));
        assertThat(device.status()).isEqualTo(303);
        assertThat(device.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        // signing out and signing in stay strict: they change cookies
        assertThat(nobody.post("/signout", Map.of()).status()).isEqualTo(403);
        assertThat(nobody.post("/login", Map.of("username", "alice", "password", TestDirectory.PASSWORD)).status())
                .isEqualTo(403);
        assertThat(nobody.cookies).doesNotContainKey("gh_session");
    }

    @Test
    void signInAndSignOutSetAFreshCsrfCookie() throws IOException {
        Browser browser = new Browser();
        Map<String, String> beforeSignIn = hiddenFields(browser.get("/login"));
        String before = browser.cookies.get("gh_csrf");
        RawHttp.Response signedIn = browser.post("/login", form(beforeSignIn,
                "username", "alice", "password", TestDirectory.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers().stream().filter(h -> h[0].equalsIgnoreCase("Set-Cookie")).map(h -> h[1]))
                .anySatisfy(c -> assertThat(c).startsWith("gh_csrf=").contains("SameSite=Strict"))
                .anySatisfy(c -> assertThat(c).startsWith("gh_session="));
        String after = browser.cookies.get("gh_csrf");
        assertThat(after).isNotNull().isNotEqualTo(before);

        // the token of the sign-in form is worth nothing now, even with the old cookie put back
        assertThat(browser.post("/signout", csrfOnly(beforeSignIn)).status()).isEqualTo(403);
        browser.cookies.put("gh_csrf", before);
        assertThat(browser.post("/signout", csrfOnly(beforeSignIn)).status()).isEqualTo(403);
        browser.cookies.put("gh_csrf", after);

        RawHttp.Response signedOut = browser.post("/signout", csrfOnly(hiddenFields(browser.get("/portal"))));
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(browser.cookies.get("gh_csrf")).isNotNull().isNotEqualTo(after);
        assertThat(browser.cookies).doesNotContainKey("gh_session");
    }

    // ---- the TOTP step's ticket (item 11)

    @Test
    void theTotpTicketIsGoodOnceAndOnlyInTheBrowserThatGaveThePassword() throws IOException {
        Browser tom = new Browser();
        Map<String, String> codeForm = hiddenFields(tom.post("/login", form(hiddenFields(tom.get("/login")),
                "username", "tom", "password", TestDirectory.PASSWORD)));
        String ticket = codeForm.get("ticket");
        assertThat(ticket).isNotBlank();

        // another browser with the ticket (and a CSRF pair of its own) gets nowhere, even with a right code
        Browser thief = new Browser();
        RawHttp.Response stolen = thief.post("/login", form(hiddenFields(thief.get("/login")),
                "username", "tom", "ticket", ticket, "otp", Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant())));
        assertThat(stolen.status()).isEqualTo(401);
        assertThat(thief.cookies).doesNotContainKey("gh_session");

        RawHttp.Response signedIn = tom.post("/login", form(codeForm, "username", "tom",
                "otp", Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant())));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(tom.cookies).containsKey("gh_session");

        // replayed after success, with the next code, from a fresh browser or from tom's own
        service.clock.advance(Duration.ofSeconds(30));
        String nextCode = Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant());
        Browser fresh = new Browser();
        assertThat(fresh.post("/login", form(hiddenFields(fresh.get("/login")),
                "username", "tom", "ticket", ticket, "otp", nextCode)).status()).isEqualTo(401);
        assertThat(fresh.cookies).doesNotContainKey("gh_session");
        tom.cookies.remove("gh_session");
        assertThat(tom.post("/login", form(hiddenFields(tom.get("/login")),
                "username", "tom", "ticket", ticket, "otp", nextCode)).status()).isEqualTo(401);
        assertThat(tom.cookies).doesNotContainKey("gh_session");
    }

    // ---- lockout (item 14)

    @Test
    void wrongPasswordsForSomeoneElsesNameLockOutOnlyTheAddressTheyCameFrom() throws IOException {
        service.close();
        service = new TestService(dataDir.resolve("behind-proxy"), new Limits(Limits.DEFAULTS.perToken(),
                Limits.DEFAULTS.perAddress(), Limits.DEFAULTS.maxInFlight(),
                List.of(AddressRange.parse("127.0.0.1").orElseThrow())));
        Browser attacker = new Browser("203.0.113.9");
        for (int i = 0; i < 10; i++) {
            service.clock.advance(Duration.ofSeconds(31)); // past each delay, up to the lockout
            assertThat(attacker.signIn("alice", "guess " + i, null).status()).isEqualTo(401);
        }
        RawHttp.Response locked = attacker.signIn("alice", TestDirectory.PASSWORD, null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isGreaterThan(Duration.ofMinutes(14).toSeconds()));

        Browser alice = new Browser("198.51.100.7");
        assertThat(alice.signIn("alice", null).status()).as("alice from her own address").isEqualTo(303);
        assertThat(alice.get("/portal").status()).isEqualTo(200);
        assertThat(attacker.signIn("alice", TestDirectory.PASSWORD, null).status()).as("still locked").isEqualTo(429);
    }

    // ---- idle timeout (item 12)

    @Test
    void aBrowserSessionLeftUnusedForAnHourEndsWhileTheCliTokensGoOn() throws IOException {
        Browser browser = new Browser();
        assertThat(browser.signIn("alice", null).status()).isEqualTo(303);
        String sessionId = service.gatehouse.tokens().find(TokenKind.BROWSER, browser.cookies.get("gh_session"))
                .orElseThrow().sessionId();

        for (int i = 0; i < 3; i++) {
            service.clock.advance(Duration.ofMinutes(50));
            assertThat(browser.get("/portal").status()).as("used every 50 minutes").isEqualTo(200);
        }
        service.clock.advance(Duration.ofMinutes(61));
        RawHttp.Response idle = browser.get("/portal");
        assertThat(idle.status()).isEqualTo(303);
        assertThat(idle.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));

        // only the browser's cookie ended: the sign-in session and its API tokens go on
        var session = service.gatehouse.sessions().active(sessionId).orElseThrow();
        String accessToken = service.accessToken(session);
        RawHttp.Response accounts = RawHttp.exchange(service.baseUrl(), "GET /assignment/accounts HTTP/1.1\r\n"
                + "x-amz-sso_bearer_token: " + accessToken + "\r\nConnection: close");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.body()).contains(TestDirectory.PROD);
    }

    // ---- Location (defect 5)

    @Test
    void aNonAsciiNextGoesOutPercentEncodedInAnAsciiLocation() throws IOException {
        Browser browser = new Browser();
        RawHttp.Response signedIn = browser.signIn("alice", "/été?q=a b");
        assertThat(signedIn.status()).isEqualTo(303);
        assertAsciiLocation(signedIn, "/%C3%A9t%C3%A9?q=a%20b");

        // signed in already, the sign-in page sends the browser on by the same header
        assertAsciiLocation(browser.get("/login?next=%2F%C3%A9t%C3%A9"), "/%C3%A9t%C3%A9");
        // what is percent-encoded already stays as it is
        assertAsciiLocation(browser.get("/login?next=%2Fdevice%3Fuser_code%3DAB%2520CD"), "/device?user_code=AB%20CD");
    }

    private static void assertAsciiLocation(RawHttp.Response response, String expected) {
        assertThat(response.status()).isEqualTo(303);
        // RawHttp reads the head byte for byte (ISO-8859-1), so a raw 0xE9 would show here as 'é'
        String location = response.header("Location").orElseThrow();
        assertThat(location.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
        assertThat(location).isEqualTo(expected);
    }
}
