package dev.gatehouse.server.gatehouseadmin;

import static dev.gatehouse.server.TestDirectory.ADMIN_KEY_ID;
import static dev.gatehouse.server.TestDirectory.ADMIN_SECRET;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.assertError;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import dev.gatehouse.server.oidc.OidcFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * GatehouseAdmin.ListSessions, EndSession and EndUserSessions over the wire, signed by the AWS SDK's
 * own SigV4 signer, against sessions whose tokens the stock SSO OIDC and SSO clients hold: the list
 * shows a user's live sessions and tokens (never a secret), ending a session turns its access token
 * into a 401 and its refresh token into an InvalidGrantException at once while the user's other
 * session goes on, and bad input, unknown users and sessions, and unsigned or wrongly signed calls are
 * refused without ending anything.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionsApiTest {
    private static final String LIST = "GatehouseAdmin.ListSessions";
    private static final String END = "GatehouseAdmin.EndSession";
    private static final String END_USER = "GatehouseAdmin.EndUserSessions";

    @TempDir
    Path dataDir;
    OidcFixture fx;
    TestService service;
    AdminCalls calls;
    RegisterClientResponse client;

    @BeforeEach
    void start() {
        fx = new OidcFixture(dataDir);
        service = fx.service;
        calls = new AdminCalls(service.baseUrl());
        client = fx.registerDeviceClient();
    }

    @AfterEach
    void stop() {
        calls.close();
        fx.close();
    }

    private HttpResponse<String> admin(String target, String json) {
        return calls.asBootstrap(target, json);
    }

    private User user(String name) {
        return service.gatehouse.directory().user(name).orElseThrow();
    }

    /** A session as the device page makes one: the person's browser address and User-Agent, the tool's client name. */
    private SignInSession deviceSession(String userName) {
        return service.gatehouse.sessions().start(user(userName), new SessionOrigin(SignInMethod.DEVICE_CODE,
                Optional.of("botocore-client-test"), Optional.of("192.0.2.7"), Optional.of("Mozilla/5.0 (test)")));
    }

    private List<String> sessionIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("Sessions").forEach(s -> ids.add(s.path("SessionId").asText()));
        return ids;
    }

    private List<AuditRecord> audited(AuditEvent event) {
        service.flushAudit();
        return service.gatehouse.audit().find(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(event),
                Instant.EPOCH, service.clock.instant().plusSeconds(1), Optional.empty(), 100, 1000)).records();
    }

    @Test
    void listShowsTheUsersActiveSessionsOldestFirstWithTheirLiveTokensAndNoSecret() {
        SignInSession first = deviceSession("alice");
        CreateTokenResponse tokens = fx.deviceSignIn(client, first);
        service.clock.advance(Duration.ofMinutes(5));
        SignInSession second = service.session("alice");
        service.session("bob");
        SignInSession ended = service.session("alice");
        service.gatehouse.sessions().end(ended.id());
        fx.sso.listAccounts(r -> r.accessToken(tokens.accessToken()));

        HttpResponse<String> answer = admin(LIST, "{\"UserName\":\"alice\"}");
        JsonNode list = ok(answer);
        assertThat(answer.body()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(sessionIds(list)).containsExactly(first.id(), second.id());
        assertThat(list.has("NextToken")).isFalse();

        JsonNode session = list.path("Sessions").get(0);
        assertThat(session.path("UserId").asText()).isEqualTo(user("alice").id());
        assertThat(session.path("UserName").asText()).isEqualTo("alice");
        assertThat(session.path("StartedAt").decimalValue().longValue()).isEqualTo(first.createdAt().getEpochSecond());
        assertThat(session.path("ExpiresAt").decimalValue().longValue()).isEqualTo(first.expiresAt().getEpochSecond());
        assertThat(session.path("LastUsedAt").decimalValue().longValue())
                .isEqualTo(service.clock.instant().getEpochSecond());
        assertThat(session.path("SignInMethod").asText()).isEqualTo("DEVICE_CODE");
        assertThat(session.path("ClientName").asText()).isEqualTo("botocore-client-test");
        assertThat(session.path("SourceAddress").asText()).isEqualTo("192.0.2.7");
        assertThat(session.path("UserAgent").asText()).isEqualTo("Mozilla/5.0 (test)");
        assertThat(session.path("LiveRoleSessions").asInt()).isZero();
        List<String> kinds = new ArrayList<>();
        session.path("Tokens").forEach(token -> {
            kinds.add(token.path("Kind").asText());
            assertThat(token.path("ClientId").asText()).isEqualTo(client.clientId());
            assertThat(token.path("ClientName").asText()).isEqualTo("botocore-client-test");
            // CreateToken came from the SDK on loopback: the address the server saw is the token's
            assertThat(token.path("SourceAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(token.path("IssuedAt").isNumber()).isTrue();
            assertThat(token.path("ExpiresAt").isNumber()).isTrue();
        });
        assertThat(kinds).containsExactlyInAnyOrder("ACCESS", "REFRESH");

        JsonNode unrecorded = list.path("Sessions").get(1);
        assertThat(unrecorded.path("SignInMethod").asText()).isEqualTo("UNRECORDED");
        assertThat(unrecorded.has("ClientName")).isFalse();
        assertThat(unrecorded.has("LastUsedAt")).isFalse();

        assertThat(sessionIds(ok(admin(LIST, "{\"UserId\":\"" + user("alice").id() + "\"}"))))
                .containsExactly(first.id(), second.id());
        assertThat(sessionIds(ok(admin(LIST, "{\"UserName\":\"tom\"}")))).isEmpty();
    }

    @Test
    void listPagesWithMaxResultsAndNextToken() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(service.session("bob").id());
            service.clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = ok(admin(LIST, next == null ? "{\"UserName\":\"bob\",\"MaxResults\":2}"
                    : "{\"UserName\":\"bob\",\"MaxResults\":2,\"NextToken\":\"" + next + "\"}"));
            seen.addAll(sessionIds(page));
            next = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made);
    }

    @Test
    void endSessionRefusesItsTokensAtOnceAndTheUsersOtherSessionGoesOn() {
        SignInSession endingSession = service.session("alice");
        CreateTokenResponse ending = fx.deviceSignIn(client, endingSession);
        CreateTokenResponse other = fx.deviceSignIn(client, service.session("alice"));
        fx.sso.getRoleCredentials(r -> r.accessToken(ending.accessToken()).accountId(TestDirectory.PROD)
                .roleName("AdministratorAccess"));

        JsonNode answer = ok(admin(END, "{\"SessionId\":\"" + endingSession.id() + "\",\"EndRoleSessions\":true}"));
        assertThat(answer.path("SessionId").asText()).isEqualTo(endingSession.id());
        assertThat(answer.path("SessionsEnded").asInt()).isEqualTo(1);
        assertThat(answer.path("RoleSessionsEnded").asInt()).isEqualTo(1);

        assertThatThrownBy(() -> fx.sso.listAccounts(r -> r.accessToken(ending.accessToken())))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> fx.refresh(client, ending.refreshToken())).isInstanceOf(InvalidGrantException.class);
        assertThat(fx.sso.listAccounts(r -> r.accessToken(other.accessToken())).accountList()).isNotEmpty();
        assertThat(fx.refresh(client, other.refreshToken()).accessToken()).startsWith("ghat_");

        // idempotent: already ended, nothing more to end
        JsonNode again = ok(admin(END, "{\"SessionId\":\"" + endingSession.id() + "\",\"EndRoleSessions\":true}"));
        assertThat(again.path("SessionsEnded").asInt()).isZero();
        assertThat(again.path("RoleSessionsEnded").asInt()).isZero();

        assertThat(audited(AuditEvent.SESSION_ENDED_BY_ADMIN)).singleElement().satisfies(record -> {
            assertThat(record.sessionId()).contains(endingSession.id());
            assertThat(record.user()).contains("alice");
            assertThat(record.details()).containsEntry("adminKeyId", ADMIN_KEY_ID);
            assertThat(record.sourceAddress()).contains("127.0.0.1");
            assertThat(record.requestId()).isPresent();
        });
        assertThat(audited(AuditEvent.ROLE_SESSIONS_ENDED_BY_ADMIN)).hasSize(1);
    }

    @Test
    void endUserSessionsEndsEveryActiveSessionOfThatUserOnly() {
        CreateTokenResponse alice1 = fx.deviceSignIn(client, service.session("alice"));
        CreateTokenResponse alice2 = fx.deviceSignIn(client, service.session("alice"));
        CreateTokenResponse bob = fx.deviceSignIn(client, service.session("bob"));

        JsonNode answer = ok(admin(END_USER, "{\"UserName\":\"alice\"}"));
        assertThat(answer.path("UserId").asText()).isEqualTo(user("alice").id());
        assertThat(answer.path("SessionsEnded").asInt()).isEqualTo(2);
        assertThat(answer.path("RoleSessionsEnded").asInt()).isZero();

        for (CreateTokenResponse ended : List.of(alice1, alice2)) {
            assertThatThrownBy(() -> fx.sso.listAccounts(r -> r.accessToken(ended.accessToken())))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> fx.refresh(client, ended.refreshToken())).isInstanceOf(InvalidGrantException.class);
        }
        assertThat(fx.sso.listAccounts(r -> r.accessToken(bob.accessToken())).accountList()).isNotEmpty();
        assertThat(sessionIds(ok(admin(LIST, "{\"UserName\":\"alice\"}")))).isEmpty();
        assertThat(sessionIds(ok(admin(LIST, "{\"UserName\":\"bob\"}")))).hasSize(1);
        assertThat(ok(admin(END_USER, "{\"UserId\":\"" + user("alice").id() + "\"}")).path("SessionsEnded").asInt())
                .isZero();
    }

    @Test
    void badInputIsAValidationExceptionAndUnknownUsersAndSessionsAreNotFound() {
        String aliceSession = service.session("alice").id();
        for (String target : List.of(LIST, END_USER)) {
            assertError(admin(target, "{}"), "ValidationException", "Exactly one of UserName and UserId");
            assertError(admin(target, "{\"UserName\":\"alice\",\"UserId\":\"" + user("alice").id() + "\"}"),
                    "ValidationException", "Exactly one of UserName and UserId");
            assertError(admin(target, "{\"UserName\":7}"), "ValidationException", "'UserName'");
            assertError(admin(target, "{\"UserName\":\"" + "x".repeat(129) + "\"}"), "ValidationException", "128");
            JsonNode missing = assertError(admin(target, "{\"UserName\":\"nobody\"}"), "ResourceNotFoundException",
                    "nobody");
            assertThat(missing.path("ResourceType").asText()).isEqualTo("USER");
            assertThat(missing.path("ResourceId").asText()).isEqualTo("nobody");
            assertThat(assertError(admin(target, "{\"UserId\":\"u-nobody\"}"), "ResourceNotFoundException", "u-nobody")
                    .path("ResourceType").asText()).isEqualTo("USER");
        }
        assertError(admin(LIST, "{\"UserName\":\"alice\",\"MaxResults\":0}"), "ValidationException", "'MaxResults'");
        assertError(admin(LIST, "{\"UserName\":\"alice\",\"MaxResults\":101}"), "ValidationException", "'MaxResults'");
        assertError(admin(LIST, "{\"UserName\":\"alice\",\"MaxResults\":\"2\"}"), "ValidationException", "'MaxResults'");
        assertError(admin(LIST, "{\"UserName\":\"alice\",\"NextToken\":\"garbage\"}"), "ValidationException",
                "nextToken");
        assertError(admin(END, "{}"), "ValidationException", "'SessionId'");
        assertError(admin(END, "{\"SessionId\":\"" + aliceSession + "\",\"EndRoleSessions\":\"yes\"}"),
                "ValidationException", "'EndRoleSessions'");
        assertError(admin(END_USER, "{\"UserName\":\"alice\",\"EndRoleSessions\":1}"), "ValidationException",
                "'EndRoleSessions'");
        JsonNode noSession = assertError(admin(END, "{\"SessionId\":\"no-such-session\"}"),
                "ResourceNotFoundException", "no-such-session");
        assertThat(noSession.path("ResourceType").asText()).isEqualTo("SESSION");
        assertThat(noSession.path("ResourceId").asText()).isEqualTo("no-such-session");

        assertThat(service.gatehouse.sessions().active(aliceSession)).isPresent();
    }

    @Test
    void unsignedAndWronglySignedCallsAreRefusedAndEndNothing() {
        String session = service.session("alice").id();
        List<String> calls = List.of(LIST + " {\"UserName\":\"alice\"}", END + " {\"SessionId\":\"" + session + "\"}",
                END_USER + " {\"UserName\":\"alice\"}", "GatehouseAdmin.ListAuditEvents {}");
        for (String call : calls) {
            String target = call.substring(0, call.indexOf(' '));
            String body = call.substring(call.indexOf(' ') + 1);
            assertError(this.calls.unsigned(target, body), "MissingAuthenticationTokenException", "Authentication Token");
            assertError(this.calls.call(target, body, ADMIN_KEY_ID, ADMIN_SECRET.replace('t', 'T')),
                    "InvalidSignatureException", "signature");
            assertError(this.calls.call(target, body, ADMIN_KEY_ID, ADMIN_SECRET, "sso"), "InvalidSignatureException",
                    "'gatehouse'");
            assertError(this.calls.call(target, body, "AKIAAAAAAAAAAAAAAAAA", ADMIN_SECRET),
                    "UnrecognizedClientException", "security token");
        }
        assertThat(service.gatehouse.sessions().active(session)).isPresent();
        assertThat(audited(AuditEvent.ADMIN_CALL)).hasSize(4 * calls.size())
                .allSatisfy(record -> assertThat(record.outcome().wireName()).isEqualTo("denied"));
    }
}
