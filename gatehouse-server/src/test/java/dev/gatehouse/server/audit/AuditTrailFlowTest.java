package dev.gatehouse.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.PlainBrowser;
import dev.gatehouse.server.StderrCapture;
import dev.gatehouse.server.StockSdk;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.LogoutResponse;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The audit trail of one whole sign-in, driven as a person and the stock AWS SDK drive it: tom (who
 * has a TOTP secret) mistypes his password, signs in with password and code on the sign-in page for a
 * device code, approves it, the stock SSO OIDC client gets tokens and refreshes them, and the stock SSO
 * client logs out. Every record is checked field by field, in the JSON-lines log and as
 * ListAuditEvents answers it (the same records, the same ids); and no token, password, TOTP code,
 * ticket, device code, client secret or cookie appears anywhere in the audit output or the service log.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditTrailFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG_PASSWORD = "tr0ub4dor&3-not-toms";

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

    /** What the flow handed out or typed: everything that must never be written down. */
    private final List<String> secrets = new ArrayList<>();
    private final Map<String, String> requestIds = new LinkedHashMap<>();
    private String clientId;

    private void signInRefreshAndLogOut() {
        URI base = service.baseUrl();
        try (SsoOidcClient oidc = StockSdk.oidc(base); SsoClient sso = StockSdk.sso(base);
             PlainBrowser browser = new PlainBrowser()) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("botocore-client-audit").clientType("public"));
            clientId = client.clientId();
            StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(base + "/start"));

            Map<String, String> wrong = new LinkedHashMap<>();
            wrong.put("csrf", dev.gatehouse.server.PageForms.csrfOf(browser.get(base, "/login")));
            wrong.put("username", "tom");
            wrong.put("password", WRONG_PASSWORD);
            wrong.put("next", "/portal");
            assertThat(browser.post(base, "/login", wrong).statusCode()).isEqualTo(401);

            service.clock.advance(Duration.ofSeconds(1));
            String code = Totp.codeAt(TestDirectory.TOTP_SECRET, service.clock.instant());
            browser.signInWithCode(base, "tom", TestDirectory.PASSWORD, code, PlainBrowser.devicePage(started.userCode()));
            browser.approveSignedIn(base, started.userCode());

            service.clock.advance(Duration.ofSeconds(1));
            CreateTokenResponse tokens = oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .deviceCode(started.deviceCode()));
            requestIds.put("TokenIssued", tokens.responseMetadata().requestId());
            service.clock.advance(Duration.ofSeconds(1));
            CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(tokens.refreshToken()));
            requestIds.put("TokenRefreshed", refreshed.responseMetadata().requestId());
            service.clock.advance(Duration.ofSeconds(1));
            LogoutResponse loggedOut = sso.logout(r -> r.accessToken(refreshed.accessToken()));
            requestIds.put("Logout", loggedOut.responseMetadata().requestId());
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(refreshed.accessToken())))
                    .isInstanceOf(UnauthorizedException.class);

            secrets.addAll(List.of(TestDirectory.PASSWORD, WRONG_PASSWORD, code, client.clientSecret(),
                    started.deviceCode(), tokens.accessToken(), tokens.refreshToken(), refreshed.accessToken(),
                    refreshed.refreshToken()));
            secrets.addAll(browser.cookieValues());
        }
    }

    private List<JsonNode> auditLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : service.auditLines()) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not one JSON object: " + line, e);
            }
        }
        return lines;
    }

    private static JsonNode only(List<JsonNode> lines, String event) {
        List<JsonNode> found = lines.stream().filter(l -> l.path("event").asText().equals(event)).toList();
        assertThat(found).as("records of %s in %s", event, lines).hasSize(1);
        return found.get(0);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void aWholeSignInRefreshAndLogoutIsAuditedFieldByFieldWithNoSecretAnywhere() throws Exception {
        String serviceLog = StderrCapture.during(this::signInRefreshAndLogOut);
        List<JsonNode> lines = auditLines().stream().filter(l -> !l.path("event").asText().equals("AdminCall")).toList();
        assertThat(lines).extracting(l -> l.path("event").asText()).containsExactly(
                "SignInFailed", "MfaSucceeded", "SignInSucceeded", "TokenIssued", "TokenRefreshed", "Logout");

        JsonNode failed = only(lines, "SignInFailed");
        assertThat(keys(failed)).containsExactly("time", "event", "outcome", "user", "userId", "sourceAddress",
                "requestId", "eventId", "details");
        assertThat(failed.path("outcome").asText()).isEqualTo("failure");
        assertThat(failed.path("user").asText()).isEqualTo("tom");
        assertThat(failed.path("sourceAddress").asText()).isEqualTo("127.0.0.1");

        JsonNode signedIn = only(lines, "SignInSucceeded");
        String sessionId = signedIn.path("sessionId").asText();
        String userId = service.gatehouse.directory().user("tom").orElseThrow().id();
        assertThat(sessionId).isNotBlank();
        assertThat(signedIn.path("outcome").asText()).isEqualTo("success");
        assertThat(signedIn.path("user").asText()).isEqualTo("tom");
        assertThat(signedIn.path("userId").asText()).isEqualTo(userId);
        assertThat(signedIn.path("client").asText()).isEqualTo("botocore-client-audit");
        assertThat(signedIn.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(signedIn.path("requestId").asText()).isNotBlank();
        assertThat(signedIn.path("details").path("method").asText()).isEqualTo("DEVICE_CODE");
        assertThat(only(lines, "MfaSucceeded").path("user").asText()).isEqualTo("tom");

        for (String event : List.of("TokenIssued", "TokenRefreshed", "Logout")) {
            JsonNode record = only(lines, event);
            assertThat(record.path("outcome").asText()).as(event).isEqualTo("success");
            assertThat(record.path("user").asText()).as(event).isEqualTo("tom");
            assertThat(record.path("userId").asText()).as(event).isEqualTo(userId);
            assertThat(record.path("sessionId").asText()).as(event).isEqualTo(sessionId);
            assertThat(record.path("clientId").asText()).as(event).isEqualTo(clientId);
            assertThat(record.path("sourceAddress").asText()).as(event).isEqualTo("127.0.0.1");
            assertThat(record.path("requestId").asText()).as(event).isEqualTo(requestIds.get(event));
            assertThat(Instant.parse(record.path("time").asText())).as(event).isBefore(service.clock.instant().plusMillis(1));
        }
        assertThat(only(lines, "TokenIssued").path("client").asText()).isEqualTo("botocore-client-audit");
        assertThat(only(lines, "TokenIssued").path("details").path("grant").asText()).isEqualTo("device_code");
        assertThat(only(lines, "Logout").path("details").path("via").asText()).isEqualTo("api");

        service.flushAudit();
        String listed;
        try (AdminCalls calls = new AdminCalls(service.baseUrl())) {
            HttpResponse<String> answer = calls.asBootstrap("GatehouseAdmin.ListAuditEvents",
                    "{\"UserName\":\"tom\",\"MaxResults\":100}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            listed = answer.body();
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = JSON.readTree(listed).path("Events").elements(); it.hasNext(); ) {
            JsonNode event = it.next();
            byId.put(event.path("EventId").asText(), event);
        }
        for (JsonNode line : lines) {
            JsonNode stored = byId.get(line.path("eventId").asText());
            assertThat(stored).as("the store holds %s", line).isNotNull();
            assertThat(stored.path("EventName").asText()).isEqualTo(line.path("event").asText());
            assertThat(stored.path("Outcome").asText()).isEqualTo(line.path("outcome").asText());
            assertThat(stored.path("UserName").asText()).isEqualTo(line.path("user").asText());
            assertThat(stored.path("SessionId").asText("")).isEqualTo(line.path("sessionId").asText(""));
            assertThat(stored.path("ClientId").asText("")).isEqualTo(line.path("clientId").asText(""));
            assertThat(stored.path("SourceAddress").asText()).isEqualTo(line.path("sourceAddress").asText());
            assertThat(stored.path("RequestId").asText()).isEqualTo(line.path("requestId").asText());
            assertThat(stored.path("Details")).isEqualTo(line.path("details"));
            assertThat(Instant.ofEpochMilli(Math.round(stored.path("Time").asDouble() * 1000)))
                    .isEqualTo(Instant.parse(line.path("time").asText()));
        }

        String auditOutput = String.join("\n", service.auditLines());
        assertThat(secrets).hasSizeGreaterThan(9).allSatisfy(secret -> assertThat(secret).isNotBlank());
        for (String secret : secrets) {
            assertThat(auditOutput).as("the audit log").doesNotContain(secret);
            assertThat(listed).as("ListAuditEvents").doesNotContain(secret);
            assertThat(serviceLog).as("the service log").doesNotContain(secret);
        }
        // a token's first 16 bytes are its public id; the 32 that follow are the secret proper
        for (String token : secrets.stream().filter(s -> s.startsWith("gh")).toList()) {
            String secretPart = token.substring(token.length() - 40);
            assertThat(auditOutput + listed + serviceLog).as("the secret part of %s", token.substring(0, 5))
                    .doesNotContain(secretPart);
        }
    }
}
