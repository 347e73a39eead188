package dev.gatehouse.server.federation.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.PlainBrowser;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.federation.saml.TestIdp.Signed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatehouse as a SAML service provider on a real server, with the test IdP's signed answers posted to
 * {@code /saml/acs} as a browser would post them: good ones start a session exactly as a password
 * sign-in does; tampered, unsigned, expired, replayed, misaddressed and unrequested ones are refused
 * with a page and an audit record naming the check.
 */
class SamlSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUERY_VALUE = Pattern.compile("[?&]%s=([^&]*)");

    @TempDir
    Path dir;
    private final TestIdp idp = new TestIdp();
    private TestService service;
    private URI base;
    private String serviceUrl;
    private PlainBrowser browser;

    @BeforeEach
    void start() {
        service = new TestService(dir, TestDirectory.create().withIdentitySource(idp.source()));
        base = service.baseUrl();
        serviceUrl = base.toString();
        browser = new PlainBrowser();
    }

    @AfterEach
    void stop() {
        browser.close();
        service.close();
    }

    private TestIdp.Answer answer() {
        return idp.answer(serviceUrl, service.clock.instant());
    }

    /** A sign-in this browser starts on {@code /saml/start}: the AuthnRequest's id and the relay state. */
    private record Started(String requestId, String relayState, String authnRequest) {
    }

    private Started startSignIn(String next) {
        HttpResponse<String> start = browser.get(base, "/saml/start?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(start.statusCode()).isEqualTo(303);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(TestIdp.SSO_URL + "?SAMLRequest=");
        String request = inflate(Base64.getDecoder().decode(queryValue(location, "SAMLRequest")));
        Matcher id = Pattern.compile(" ID=\"([^\"]+)\"").matcher(request);
        assertThat(id.find()).isTrue();
        return new Started(id.group(1), queryValue(location, "RelayState"), request);
    }

    private HttpResponse<String> post(String samlResponse, String relayState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SAMLResponse", samlResponse);
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return browser.post(base, "/saml/acs", form);
    }

    private static String queryValue(String url, String name) {
        Matcher m = Pattern.compile(QUERY_VALUE.pattern().formatted(name)).matcher(url);
        assertThat(m.find()).as("%s in %s", name, url).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> audit(String event) {
        List<JsonNode> records = new ArrayList<>();
        for (String line : service.auditLines()) {
            try {
                JsonNode record = JSON.readTree(line);
                if (record.path("event").asText().equals(event)) {
                    records.add(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    private void assertSignedInTo(HttpResponse<String> response, String next) {
        assertThat(response.statusCode()).as("signed in: %s", response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(next);
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("gh_session="))
                .anySatisfy(c -> assertThat(c).startsWith("gh_csrf="));
        assertThat(browser.isSignedIn(base)).isTrue();
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason, String words) {
        assertThat(response.statusCode()).as("refused: %s", response.body()).isEqualTo(status);
        assertThat(response.body()).contains("Sign-in refused").contains(words);
        assertThat(response.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("gh_session="));
        assertThat(browser.isSignedIn(base)).isFalse();
        assertThat(audit("SignInFailed")).anySatisfy(record -> {
            assertThat(record.path("outcome").asText()).isEqualTo("failure");
            assertThat(record.path("details").path("upstream").asText()).isEqualTo("saml");
            assertThat(record.path("details").path("reason").asText()).isEqualTo(reason);
        });
        assertThat(audit("SignInSucceeded")).isEmpty();
    }

    @Test
    void theMetadataNamesOurEntityIdAndAssertionConsumerWithTheEmailNameIdFormat() {
        HttpResponse<String> metadata = browser.get(base, "/saml/metadata");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        assertThat(metadata.body())
                .contains("entityID=\"" + serviceUrl + "/saml/metadata\"")
                .contains("<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                        + " Location=\"" + serviceUrl + "/saml/acs\"")
                .contains("<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>");
    }

    @Test
    void theSignInPageSendsTheBrowserToTheIdentityProviderAndChecksNoPassword() {
        HttpResponse<String> page = browser.get(base, "/login?next=%2Fdevice%3Fuser_code%3DABCD-EFGH");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/saml/start?next=%2Fdevice%3Fuser_code%3DABCD-EFGH");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "alice");
        form.put("password", TestDirectory.PASSWORD);
        form.put("next", "/portal");
        HttpResponse<String> posted = browser.post(base, "/login", form);
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Password sign-in is off");
        assertThat(browser.isSignedIn(base)).isFalse();
        assertThat(audit("SignInSucceeded")).isEmpty();
    }

    @Test
    void theStartSendsAnAuthnRequestForOurAssertionConsumerOverTheRedirectBinding() {
        Started started = startSignIn("/portal");

        assertThat(started.authnRequest())
                .contains("Destination=\"" + TestIdp.SSO_URL + "\"")
                .contains("AssertionConsumerServiceURL=\"" + serviceUrl + "/saml/acs\"")
                .contains("ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"")
                .contains("<saml:Issuer>" + serviceUrl + "/saml/metadata</saml:Issuer>")
                .contains("Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\"");
        assertThat(started.relayState()).startsWith("gh1.");
    }

    @Test
    void theBrowserCookieIsSameSiteNoneAndSecureOverTlsAndLaxOverPlainHttp() throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpRequest.Builder start = java.net.http.HttpRequest.newBuilder(base.resolve("/saml/start"));
            HttpResponse<String> plain = http.send(start.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> tls = http.send(start.header("X-Forwarded-Proto", "https").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(plain.headers().allValues("Set-Cookie")).singleElement().asString()
                    .matches("gh_saml=[A-Za-z0-9_-]{43}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax");
            assertThat(tls.headers().allValues("Set-Cookie")).singleElement().asString()
                    .matches("__Host-gh_saml=[A-Za-z0-9_-]{43}; Path=/; Max-Age=600; HttpOnly; SameSite=None; Secure");
        }
    }

    @Test
    void anSpInitiatedSignInStartsTheSessionAndGoesOnToNext() {
        Started started = startSignIn("/portal/sessions");

        HttpResponse<String> response = post(answer().inResponseTo(started.requestId()).encoded(), started.relayState());

        assertSignedInTo(response, "/portal/sessions");
        assertThat(audit("SignInSucceeded")).singleElement().satisfies(record -> {
            assertThat(record.path("user").asText()).isEqualTo("alice");
            assertThat(record.path("details").path("upstream").asText()).isEqualTo("saml");
            assertThat(record.path("details").path("issuer").asText()).isEqualTo(TestIdp.ENTITY_ID);
        });
    }

    @Test
    void anIdpInitiatedSignInGoesOnToThePortal() {
        HttpResponse<String> response = post(answer().encoded(), null);

        assertSignedInTo(response, "/portal");
    }

    @Test
    void aSignedResponseWithAnUnsignedAssertionIsAcceptedToo() {
        HttpResponse<String> response = post(answer().signed(Signed.RESPONSE).encoded(), null);

        assertSignedInTo(response, "/portal");
    }

    @Test
    void groupsEachInAnAttributeOfTheSameNameAreTakenTogether() {
        HttpResponse<String> response = post(answer().groups(List.of("admins", "auditors")).groupPerAttribute()
                .encoded(), null);

        assertSignedInTo(response, "/portal");
    }

    @Test
    void aNameIdChangedAfterSigningIsRefused() {
        String signed = answer().xml();
        String tampered = signed.replace(">alice@example.com<", ">bob@example.com<");
        assertThat(tampered).isNotEqualTo(signed);

        assertRefused(post(TestIdp.encode(tampered), null), 403, "bad-signature", "valid signature");
    }

    @Test
    void anUnsignedAnswerIsRefused() {
        assertRefused(post(answer().signed(Signed.NOTHING).encoded(), null), 403, "unsigned", "not signed");
    }

    @Test
    void anAnswerSignedByAKeyTheMetadataDoesNotListIsRefused() {
        assertRefused(post(answer().signed(Signed.ASSERTION_BY_OTHER_KEY).encoded(), null), 403, "bad-signature",
                "valid signature");
    }

    @Test
    void anExpiredAnswerIsRefused() {
        Instant now = service.clock.instant();
        HttpResponse<String> response = post(answer().notBefore(now.minus(Duration.ofMinutes(20)))
                .notOnOrAfter(now.minus(Duration.ofMinutes(10))).encoded(), null);

        assertRefused(response, 403, "expired", "validity period");
    }

    @Test
    void anAnswerExpiredBeyondTheConfiguredSkewIsRefusedThoughTheLibraryAllowsThreeMinutes() {
        Instant now = service.clock.instant();
        HttpResponse<String> response = post(answer().notBefore(now.minus(Duration.ofMinutes(5)))
                .notOnOrAfter(now.minus(Duration.ofSeconds(150))).encoded(), null);

        assertRefused(response, 403, "expired", "validity period");
    }

    @Test
    void anAnswerNotYetValidBeyondTheSkewIsRefused() {
        Instant now = service.clock.instant();
        HttpResponse<String> response = post(answer().notBefore(now.plus(Duration.ofMinutes(10)))
                .notOnOrAfter(now.plus(Duration.ofMinutes(15))).encoded(), null);

        assertRefused(response, 403, "expired", "validity period");
    }

    @Test
    void anAnswerWithinTheSkewIsAccepted() {
        Instant now = service.clock.instant();
        HttpResponse<String> response = post(answer().notBefore(now.plus(Duration.ofSeconds(90)))
                .notOnOrAfter(now.plus(Duration.ofMinutes(5))).encoded(), null);

        assertSignedInTo(response, "/portal");
    }

    @Test
    void theSameAnswerPostedTwiceIsRefusedTheSecondTime() {
        String encoded = answer().encoded();
        assertSignedInTo(post(encoded, null), "/portal");

        try (PlainBrowser other = new PlainBrowser()) {
            Map<String, String> form = Map.of("SAMLResponse", encoded);
            HttpResponse<String> replayed = other.post(base, "/saml/acs", form);
            assertThat(replayed.statusCode()).isEqualTo(403);
            assertThat(replayed.body()).contains("has been used already");
            assertThat(replayed.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("gh_session="));
        }
        assertThat(audit("SignInSucceeded")).hasSize(1);
        assertThat(audit("SignInFailed")).singleElement().satisfies(record ->
                assertThat(record.path("details").path("reason").asText()).isEqualTo("replayed"));
    }

    @Test
    void anAnswerForAnotherServiceIsRefused() {
        assertRefused(post(answer().audience("https://other.example.test/saml/metadata").encoded(), null), 403,
                "wrong-audience", "another service");
    }

    @Test
    void anAnswerForAnotherRecipientIsRefused() {
        assertRefused(post(answer().recipient("https://other.example.test/saml/acs").encoded(), null), 403,
                "wrong-recipient", "another URL");
    }

    @Test
    void anAnswerWithAnotherDestinationIsRefused() {
        assertRefused(post(answer().destination("https://other.example.test/saml/acs").encoded(), null), 403,
                "wrong-recipient", "another URL");
    }

    @Test
    void anAnswerFromAnotherIssuerIsRefused() {
        assertRefused(post(answer().issuer("https://evil.example.test").encoded(), null), 403, "wrong-issuer",
                "configured identity provider");
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() {
        Started started = startSignIn("/portal");

        HttpResponse<String> response = post(answer().inResponseTo("GATEHOUSE_another").encoded(), started.relayState());

        assertRefused(response, 403, "not-requested", "does not answer");
    }

    @Test
    void anAnswerToARequestPostedWithoutItsRelayStateIsRefused() {
        Started started = startSignIn("/portal");

        HttpResponse<String> response = post(answer().inResponseTo(started.requestId()).encoded(), null);

        assertRefused(response, 403, "not-requested", "does not answer");
    }

    @Test
    void aRelayStateFromAnotherBrowserIsRefused() {
        Started started = startSignIn("/portal");
        String encoded = answer().inResponseTo(started.requestId()).encoded();

        try (PlainBrowser other = new PlainBrowser()) {
            other.get(base, "/saml/start?next=%2Fportal"); // a gh_saml cookie of its own
            Map<String, String> form = Map.of("SAMLResponse", encoded, "RelayState", started.relayState());
            HttpResponse<String> response = other.post(base, "/saml/acs", form);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("another browser");
        }
        assertThat(audit("SignInFailed")).singleElement().satisfies(record ->
                assertThat(record.path("details").path("reason").asText()).isEqualTo("relay-state"));
    }

    @Test
    void anAlteredRelayStateIsRefused() {
        Started started = startSignIn("/portal");
        String[] parts = started.relayState().substring("gh1.".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String altered = "gh1." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("/portal", "/portal/sessions").getBytes(StandardCharsets.UTF_8)) + "." + parts[1];

        HttpResponse<String> response = post(answer().inResponseTo(started.requestId()).encoded(), altered);

        assertRefused(response, 403, "relay-state", "another browser, or too long ago");
    }

    @Test
    void aRelayStateOlderThanTenMinutesIsRefused() {
        Started started = startSignIn("/portal");
        service.clock.advance(SamlRelayStates.LIFETIME);

        HttpResponse<String> response = post(answer().inResponseTo(started.requestId()).encoded(), started.relayState());

        assertRefused(response, 403, "relay-state", "too long ago");
    }

    @Test
    void anIdentityNoUserHasIsRefused() {
        assertRefused(post(answer().nameId("nobody@example.com").encoded(), null), 403, "no-such-user",
                "No Gatehouse user matches");
    }

    @Test
    void somethingThatIsNotAnAnswerIsRefusedAsMalformed() {
        assertRefused(post(TestIdp.encode("<not-saml/>"), null), 400, "malformed", "could not be read");
        assertRefused(post("%%%not base64", null), 400, "malformed", "could not be read");
    }
}
