package dev.gatehouse.client.gatehouseadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.gatehouse.client.gatehouseadmin.model.AuditEvent;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionInput;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionOutput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsOutput;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.ResourceNotFoundException;
import dev.gatehouse.client.gatehouseadmin.model.Session;
import dev.gatehouse.client.gatehouseadmin.model.SessionToken;
import dev.gatehouse.client.gatehouseadmin.model.ValidationException;
import dev.gatehouse.client.sigv4.SigningCredentials;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Recorded;
import dev.gatehouse.client.support.LocalServer.Reply;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the session and audit operations put on the wire (target, signed for {@code gatehouse}, the
 * members) and how their answers and errors are read, against a scripted server that records requests.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionsAndAuditWireTest {
    private static final String SESSION = """
            {"SessionId":"s-1","UserId":"u-1","UserName":"alice","StartedAt":1796112000,"ExpiresAt":1796140800.5,
             "LastUsedAt":1796112600.25,"SignInMethod":"DEVICE_CODE","ClientName":"botocore-client-x",
             "SourceAddress":"192.0.2.7","UserAgent":"Mozilla/5.0","LiveRoleSessions":2,"Unknown":true,
             "Tokens":[{"Kind":"ACCESS","ClientId":"c-1","ClientName":"botocore-client-x","IssuedAt":1796112000,
                        "ExpiresAt":1796115600,"SourceAddress":"192.0.2.7"},
                       {"Kind":"BROWSER","ClientId":"portal","IssuedAt":1796112000,"ExpiresAt":1796140800}]}""";

    private static GatehouseAdminClient admin(LocalServer server) {
        return GatehouseAdminClient.builder().endpointOverride(server.baseUrl())
                .credentials(SigningCredentials.of("AKIAGATEHOUSETEST001", "secret")).maxAttempts(1).build();
    }

    private static Map<String, Object> json(Recorded request) throws IOException {
        return JSON.std.mapFrom(request.body());
    }

    private static void assertOperation(Recorded request, String operation) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("X-Amz-Target")).isEqualTo("GatehouseAdmin." + operation);
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSETEST001/")
                .contains("/us-east-1/gatehouse/aws4_request");
    }

    @Test
    void listSessionsSendsTheUserAndReadsEverySessionMember() throws IOException {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"Sessions\":[" + SESSION + "]}"));
             GatehouseAdminClient admin = admin(server)) {
            List<Session> sessions = admin.send(new ListSessionsCommand(
                    new ListSessionsInput("alice", null, null, 10))).sessions();

            Recorded request = server.only();
            assertOperation(request, "ListSessions");
            assertThat(json(request)).isEqualTo(Map.of("UserName", "alice", "MaxResults", 10));

            assertThat(sessions).containsExactly(new Session("s-1", "u-1", "alice",
                    Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T16:00:00.500Z"),
                    Instant.parse("2026-12-01T08:10:00.250Z"), "DEVICE_CODE", "botocore-client-x", "192.0.2.7",
                    "Mozilla/5.0", List.of(
                            new SessionToken("ACCESS", "c-1", "botocore-client-x", Instant.parse("2026-12-01T08:00:00Z"),
                                    Instant.parse("2026-12-01T09:00:00Z"), "192.0.2.7"),
                            new SessionToken("BROWSER", "portal", null, Instant.parse("2026-12-01T08:00:00Z"),
                                    Instant.parse("2026-12-01T16:00:00Z"), null)), 2));
        }
    }

    @Test
    void theSessionsPaginatorFollowsNextTokenByUserId() throws IOException {
        try (LocalServer server = LocalServer.start(
                Reply.ok("{\"Sessions\":[" + SESSION + "],\"NextToken\":\"page-2\"}"),
                Reply.ok("{\"Sessions\":[" + SESSION.replace("s-1", "s-2") + "]}"));
             GatehouseAdminClient admin = admin(server)) {
            List<Session> all = new ArrayList<>();
            admin.listSessionsPaginator(ListSessionsInput.ofUserId("u-1")).forEach(all::add);

            assertThat(all).extracting(Session::sessionId).containsExactly("s-1", "s-2");
            assertThat(json(server.requests().get(0))).isEqualTo(Map.of("UserId", "u-1"));
            assertThat(json(server.requests().get(1))).isEqualTo(Map.of("UserId", "u-1", "NextToken", "page-2"));
        }
    }

    @Test
    void endSessionAndEndUserSessionsSayWhetherToEndRoleSessions() throws IOException {
        try (LocalServer server = LocalServer.start(
                Reply.ok("{\"SessionId\":\"s-1\",\"SessionsEnded\":1,\"RoleSessionsEnded\":3}"),
                Reply.ok("{\"UserId\":\"u-1\",\"SessionsEnded\":2,\"RoleSessionsEnded\":0}"));
             GatehouseAdminClient admin = admin(server)) {
            EndSessionOutput one = admin.send(new EndSessionCommand(new EndSessionInput("s-1", true)));
            EndUserSessionsOutput all = admin.send(new EndUserSessionsCommand(EndUserSessionsInput.ofUserName("alice")));

            assertOperation(server.requests().get(0), "EndSession");
            assertThat(json(server.requests().get(0))).isEqualTo(Map.of("SessionId", "s-1", "EndRoleSessions", true));
            assertThat(one).isEqualTo(new EndSessionOutput("s-1", 1, 3));
            assertOperation(server.requests().get(1), "EndUserSessions");
            assertThat(json(server.requests().get(1))).isEqualTo(Map.of("UserName", "alice", "EndRoleSessions", false));
            assertThat(all).isEqualTo(new EndUserSessionsOutput("u-1", 2, 0));
        }
    }

    @Test
    void listAuditEventsSendsTheFiltersWithTimesInEpochSecondsAndReadsTheDetails() throws IOException {
        try (LocalServer server = LocalServer.start(Reply.ok("""
                {"Events":[{"EventId":"e-2","Time":1796112000.123,"EventName":"SessionEndedByAdmin","Outcome":"success",
                            "UserName":"alice","UserId":"u-1","SessionId":"s-1","RequestId":"r-9",
                            "Details":{"adminKeyId":"AKIAGATEHOUSETEST001","roleSessionsEnded":"0"}},
                           {"EventId":"e-1","Time":1796111000,"EventName":"SignInFailed","Outcome":"failure",
                            "UserName":"alice","SourceAddress":"192.0.2.7","ClientName":"portal","ClientId":"c-1"}],
                 "NextToken":"more"}""")); GatehouseAdminClient admin = admin(server)) {
            var page = admin.send(new ListAuditEventsCommand(ListAuditEventsInput.all().withUserName("alice")
                    .withEventName("SignInFailed").withTimes(Instant.parse("2026-12-01T07:00:00.5Z"),
                            Instant.parse("2026-12-01T09:00:00Z")).withMaxResults(2)));

            Recorded request = server.only();
            assertOperation(request, "ListAuditEvents");
            Map<String, Object> members = json(request);
            assertThat(members).containsOnlyKeys("UserName", "EventName", "StartTime", "EndTime", "MaxResults")
                    .containsEntry("UserName", "alice").containsEntry("EventName", "SignInFailed")
                    .containsEntry("MaxResults", 2);
            assertThat(request.bodyText()).contains("\"StartTime\":1796108400.5").contains("\"EndTime\":1796115600");

            assertThat(page.nextToken()).isEqualTo("more");
            Map<String, String> details = new LinkedHashMap<>();
            details.put("adminKeyId", "AKIAGATEHOUSETEST001");
            details.put("roleSessionsEnded", "0");
            assertThat(page.events()).containsExactly(
                    new AuditEvent("e-2", Instant.parse("2026-12-01T08:00:00.123Z"), "SessionEndedByAdmin", "success",
                            "alice", "u-1", "s-1", null, null, null, "r-9", details),
                    new AuditEvent("e-1", Instant.parse("2026-12-01T07:43:20Z"), "SignInFailed", "failure",
                            "alice", null, null, "portal", "c-1", "192.0.2.7", null, Map.of()));
        }
    }

    @Test
    void errorsAreTypedAndAUserIsNamedExactlyOnce() {
        try (LocalServer server = LocalServer.start(
                Reply.json(400, "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"No session s-9\","
                        + "\"ResourceType\":\"SESSION\",\"ResourceId\":\"s-9\"}"),
                Reply.json(400, "{\"__type\":\"ValidationException\",\"Message\":\"EventName must be one of ...\"}"));
             GatehouseAdminClient admin = admin(server)) {
            assertThatThrownBy(() -> admin.send(new EndSessionCommand(EndSessionInput.of("s-9"))))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.details().members()).containsEntry("ResourceType", "SESSION"));
            assertThatThrownBy(() -> admin.send(new ListAuditEventsCommand(ListAuditEventsInput.all().withEventName("x"))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("EventName");
        }
        assertThatThrownBy(() -> new ListSessionsInput(null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndUserSessionsInput("alice", "u-1", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
