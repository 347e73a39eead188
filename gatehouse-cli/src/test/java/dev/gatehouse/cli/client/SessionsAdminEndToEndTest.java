package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.StockSdk;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Offboarding from the command line against a real Gatehouse: alice signs in twice through the device
 * flow of the stock AWS SDK; {@code gatehouse admin sessions list} shows both, {@code sessions end ID}
 * ends one (its token is a 401 and its refresh token refused, the other keeps working),
 * {@code sessions end --user} ends the rest, and {@code audit list} reads it all back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionsAdminEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "sso:account:access";
    private static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    SsoOidcClient oidc;
    SsoClient sso;
    CliHarness cli;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        oidc = StockSdk.oidc(service.baseUrl());
        sso = service.sdkClientWithoutRetries();
        cli = new CliHarness(home);
        cli.adminOf(service.baseUrl().toString());
    }

    @AfterEach
    void stop() {
        sso.close();
        oidc.close();
        service.close();
    }

    /** A device-flow sign-in as the AWS CLI makes it, approved by a new sign-in session of alice's. */
    private SignedIn signIn(String clientName) {
        RegisterClientResponse client = oidc.registerClient(r -> r.clientName(clientName).clientType("public").scopes(SCOPE));
        StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(service.baseUrl() + "/start"));
        SignInSession session = service.gatehouse.sessions().start(service.gatehouse.directory().user("alice").orElseThrow(),
                SessionOrigin.browser("127.0.0.1", "Mozilla/5.0 (test)").forClient(SignInMethod.DEVICE_CODE, clientName));
        service.gatehouse.deviceAuthorizations().approve(started.userCode(), session);
        CreateTokenResponse tokens = oidc.createToken(r -> r.grantType(DEVICE_CODE).clientId(client.clientId())
                .clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
        return new SignedIn(session.id(), client, tokens);
    }

    private record SignedIn(String sessionId, RegisterClientResponse client, CreateTokenResponse tokens) {
    }

    private boolean works(SignedIn signedIn) {
        try {
            sso.listAccounts(r -> r.accessToken(signedIn.tokens().accessToken()));
            return true;
        } catch (UnauthorizedException e) {
            assertThat(e.statusCode()).isEqualTo(401);
            return false;
        }
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void anAdminListsAndEndsAlicesSessionsFromTheCommandLineAndReadsTheAuditTrail() throws Exception {
        SignedIn laptop = signIn("botocore-client-laptop");
        service.clock.advance(Duration.ofSeconds(5));
        SignedIn ci = signIn("botocore-client-ci");
        assertThat(works(laptop)).isTrue();
        assertThat(works(ci)).isTrue();

        List<String> table = ok("admin", "sessions", "list", "--user", "alice").out().lines().toList();
        assertThat(table.get(0)).matches("SESSION ID +METHOD +CLIENT +FROM +STARTED +LAST USED +EXPIRES +TOKENS");
        assertThat(table).hasSize(3);
        assertThat(table.get(1)).startsWith(laptop.sessionId() + " ").contains("DEVICE_CODE", "botocore-client-laptop",
                "127.0.0.1");
        assertThat(table.get(2)).startsWith(ci.sessionId() + " ").contains("botocore-client-ci");

        JsonNode listed = JSON.readTree(ok("admin", "sessions", "list", "--user", "alice", "--output", "json").out());
        assertThat(listed).hasSize(2);
        JsonNode first = listed.get(0);
        assertThat(first.path("sessionId").asText()).isEqualTo(laptop.sessionId());
        assertThat(first.path("userName").asText()).isEqualTo("alice");
        assertThat(first.path("userId").asText()).isNotBlank();
        assertThat(first.path("method").asText()).isEqualTo("DEVICE_CODE");
        assertThat(first.path("clientName").asText()).isEqualTo("botocore-client-laptop");
        assertThat(first.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(first.path("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.path("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<String> kinds = new ArrayList<>();
        first.path("tokens").forEach(token -> {
            kinds.add(token.path("kind").asText());
            assertThat(token.path("clientId").asText()).isEqualTo(laptop.client().clientId());
        });
        assertThat(kinds).contains("ACCESS", "REFRESH");
        assertThat(first.path("liveRoleSessions").asInt(-1)).isZero();
        assertThat(listed.get(1).path("sessionId").asText()).isEqualTo(ci.sessionId());
        String everything = JSON.writeValueAsString(listed);
        assertThat(everything).doesNotContain(laptop.tokens().accessToken()).doesNotContain(laptop.tokens().refreshToken());

        service.clock.advance(Duration.ofSeconds(5));
        assertThat(ok("admin", "sessions", "end", laptop.sessionId()).out()).isEqualTo("Ended 1 session(s).\n");
        assertThat(works(laptop)).isFalse();
        assertThatThrownBy(() -> oidc.createToken(r -> r.grantType("refresh_token").clientId(laptop.client().clientId())
                .clientSecret(laptop.client().clientSecret()).refreshToken(laptop.tokens().refreshToken())))
                .isInstanceOf(InvalidGrantException.class);
        assertThat(works(ci)).isTrue();
        JsonNode left = JSON.readTree(ok("admin", "sessions", "list", "--user", "alice", "--output", "json").out());
        assertThat(left).extracting(s -> s.path("sessionId").asText()).containsExactly(ci.sessionId());

        service.clock.advance(Duration.ofSeconds(5));
        JsonNode ended = JSON.readTree(ok("admin", "sessions", "end", "--user", "alice", "--output", "json").out());
        assertThat(ended).isEqualTo(JSON.readTree("{\"sessionsEnded\":1,\"roleSessionsEnded\":0}"));
        assertThat(works(ci)).isFalse();
        assertThat(ok("admin", "sessions", "list", "--user", "alice").out()).isEqualTo("alice has no active sign-in sessions.\n");

        service.flushAudit();
        JsonNode events = JSON.readTree(ok("admin", "audit", "list", "--user", "alice", "--output", "json").out());
        List<String> endedByAdmin = new ArrayList<>();
        events.forEach(event -> {
            assertThat(event.path("user").asText(event.path("userId").asText())).isNotBlank();
            assertThat(event.path("time").asText()).endsWith("Z");
            if (event.path("event").asText().equals("SessionEndedByAdmin")) {
                endedByAdmin.add(event.path("sessionId").asText());
                assertThat(event.path("outcome").asText()).isEqualTo("success");
            }
        });
        assertThat(endedByAdmin).containsExactlyInAnyOrder(ci.sessionId(), laptop.sessionId());
        List<JsonNode> issued = new ArrayList<>();
        events.forEach(event -> {
            if (event.path("event").asText().equals("TokenIssued")) {
                issued.add(event);
            }
        });
        assertThat(issued).extracting(e -> e.path("sessionId").asText())
                .containsExactlyInAnyOrder(laptop.sessionId(), ci.sessionId());
        JsonNode laptopIssued = issued.stream().filter(e -> e.path("sessionId").asText().equals(laptop.sessionId()))
                .findFirst().orElseThrow();
        assertThat(laptopIssued.path("outcome").asText()).isEqualTo("success");
        assertThat(laptopIssued.path("userId").asText()).isEqualTo(first.path("userId").asText());
        assertThat(laptopIssued.path("client").asText()).isEqualTo("botocore-client-laptop");
        assertThat(laptopIssued.path("clientId").asText()).isEqualTo(laptop.client().clientId());
        assertThat(laptopIssued.path("details").path("grant").asText()).isEqualTo("device_code");
        String audit = JSON.writeValueAsString(events);
        for (SignedIn signedIn : List.of(laptop, ci)) {
            assertThat(audit).doesNotContain(signedIn.tokens().accessToken()).doesNotContain(signedIn.tokens().refreshToken())
                    .doesNotContain(signedIn.client().clientSecret());
        }

        JsonNode onlyEnds = JSON.readTree(ok("admin", "audit", "list", "--user", "alice", "--event", "SessionEndedByAdmin",
                "--since", "PT1H", "--output", "json").out());
        assertThat(onlyEnds).extracting(e -> e.path("sessionId").asText())
                .containsExactly(ci.sessionId(), laptop.sessionId());
        List<String> auditTable = ok("admin", "audit", "list", "--user", "alice", "--max", "1").out().lines().toList();
        assertThat(auditTable).hasSize(2);
        assertThat(auditTable.get(0)).matches("TIME +EVENT +OUTCOME +USER +SESSION +CLIENT +FROM");

        assertThat(ok("admin", "sessions", "end", laptop.sessionId()).out())
                .isEqualTo("Ended 0 session(s); " + laptop.sessionId() + " had already ended or expired.\n");
    }

    @Test
    void anUnknownUserOrSessionIsReportedAndAnUnknownEventNameListsTheKnownOnes() {
        assertThat(cli.run("admin", "sessions", "list", "--user", "nobody").err()).contains("ResourceNotFoundException");
        CliHarness.Result unknownSession = cli.run("admin", "sessions", "end", "no-such-session");
        assertThat(unknownSession.exitCode()).isEqualTo(1);
        assertThat(unknownSession.err()).contains("ResourceNotFoundException");
        CliHarness.Result badEvent = cli.run("admin", "audit", "list", "--event", "Nonsense");
        assertThat(badEvent.exitCode()).isEqualTo(1);
        assertThat(badEvent.err()).contains("ValidationException").contains("SignInSucceeded");
    }
}
