package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse admin sessions list|end} and {@code gatehouse admin audit list} against a scripted
 * GatehouseAdmin: what each sends (operation, members, signed for {@code gatehouse}), the tables for
 * people, JSON alone on stdout, exit 2 on bad usage and 1 when the service refuses.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionsAndAuditCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = """
            {"SessionId":"%s","UserId":"u-1","UserName":"alice","StartedAt":1796112000.75,"ExpiresAt":1796140800,
             "LastUsedAt":1796112600,"SignInMethod":"DEVICE_CODE","ClientName":"botocore-client-x",
             "SourceAddress":"192.0.2.7","LiveRoleSessions":1,
             "Tokens":[{"Kind":"ACCESS","ClientId":"c-1","ClientName":"botocore-client-x","IssuedAt":1796112000,
                        "ExpiresAt":1796115600,"SourceAddress":"192.0.2.7"},
                       {"Kind":"REFRESH","ClientId":"c-1","IssuedAt":1796112000,"ExpiresAt":1803888000}]}""";
    private static final String BROWSER_SESSION = """
            {"SessionId":"s-browser","UserId":"u-1","UserName":"alice","StartedAt":1796115600,"ExpiresAt":1796144400,
             "SignInMethod":"BROWSER","UserAgent":"Mozilla/5.0","LiveRoleSessions":0,"Tokens":[]}""";

    @TempDir
    Path home;
    ScriptedAdminService service;
    CliHarness cli;

    @BeforeEach
    void start() throws IOException {
        service = new ScriptedAdminService();
        cli = new CliHarness(home);
        cli.adminOf(service.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private CliHarness.Result run(int exit, String... args) {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exit);
        return result;
    }

    private JsonNode body(int call) throws IOException {
        return JSON.readTree(service.calls().get(call).body());
    }

    @Test
    void aClientNameCannotDriveTheTerminal() {
        service.answer("ListSessions", "{\"Sessions\":[" + SESSION.formatted("s-device")
                .replace("\"ClientName\":\"botocore-client-x\"", "\"ClientName\":\"evil\\u001b[2J\\u001b]0;owned\\u0007\"") + "]}");

        CliHarness.Result listed = run(0, "admin", "sessions", "list", "--user", "alice");

        assertThat(listed.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil?[2J?]0;owned?");
    }

    @Test
    void sessionsListFollowsEveryPageAndPrintsAnAlignedTable() throws IOException {
        service.answer("ListSessions", "{\"Sessions\":[" + SESSION.formatted("s-device") + "],\"NextToken\":\"n2\"}")
                .answer("ListSessions", "{\"Sessions\":[" + BROWSER_SESSION + "]}");

        CliHarness.Result listed = run(0, "admin", "sessions", "list", "--user", "alice");

        assertThat(service.calls()).extracting(ScriptedAdminService.Call::operation)
                .containsExactly("ListSessions", "ListSessions");
        assertThat(service.calls().getFirst().authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=" + TestDirectory.ADMIN_KEY_ID + "/")
                .contains("/us-east-1/gatehouse/aws4_request");
        assertThat(body(0)).isEqualTo(JSON.readTree("{\"UserName\":\"alice\"}"));
        assertThat(body(1)).isEqualTo(JSON.readTree("{\"UserName\":\"alice\",\"NextToken\":\"n2\"}"));
        List<String> lines = listed.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("SESSION ID +METHOD +CLIENT +FROM +STARTED +LAST USED +EXPIRES +TOKENS");
        assertThat(lines.get(1)).matches("s-device +DEVICE_CODE +botocore-client-x +192\\.0\\.2\\.7 +2026-12-01T08:00:00Z "
                + "+2026-12-01T08:10:00Z +2026-12-01T16:00:00Z +2 \\(ACCESS, REFRESH\\)");
        assertThat(lines.get(2)).matches("s-browser +BROWSER +- +- +2026-12-01T09:00:00Z +- +2026-12-01T17:00:00Z +0");
        for (String column : List.of("METHOD", "CLIENT", "FROM", "STARTED", "LAST USED", "EXPIRES", "TOKENS")) {
            int at = lines.get(0).indexOf(column);
            assertThat(lines.get(1).charAt(at - 1)).as(column).isEqualTo(' ');
            assertThat(lines.get(1).charAt(at)).as(column).isNotEqualTo(' ');
            assertThat(lines.get(2).charAt(at)).as(column).isNotEqualTo(' ');
        }
        assertThat(listed.err()).isEmpty();
    }

    @Test
    void sessionsListAsJsonIsAnArrayOfSessionsAloneOnStdout() throws IOException {
        service.answer("ListSessions", "{\"Sessions\":[" + SESSION.formatted("s-device") + "," + BROWSER_SESSION + "]}");

        CliHarness.Result listed = run(0, "admin", "sessions", "list", "--user", "alice", "--output", "json");

        assertThat(listed.err()).isEmpty();
        assertThat(JSON.readTree(listed.out())).isEqualTo(JSON.readTree("""
                [{"sessionId":"s-device","userName":"alice","userId":"u-1","startedAt":"2026-12-01T08:00:00Z",
                  "expiresAt":"2026-12-01T16:00:00Z","lastUsedAt":"2026-12-01T08:10:00Z","method":"DEVICE_CODE",
                  "clientName":"botocore-client-x","sourceAddress":"192.0.2.7",
                  "tokens":[{"kind":"ACCESS","clientId":"c-1","clientName":"botocore-client-x",
                             "issuedAt":"2026-12-01T08:00:00Z","expiresAt":"2026-12-01T09:00:00Z","sourceAddress":"192.0.2.7"},
                            {"kind":"REFRESH","clientId":"c-1","issuedAt":"2026-12-01T08:00:00Z",
                             "expiresAt":"2027-03-01T08:00:00Z"}],
                  "liveRoleSessions":1},
                 {"sessionId":"s-browser","userName":"alice","userId":"u-1","startedAt":"2026-12-01T09:00:00Z",
                  "expiresAt":"2026-12-01T17:00:00Z","method":"BROWSER","userAgent":"Mozilla/5.0","tokens":[],
                  "liveRoleSessions":0}]"""));
    }

    @Test
    void sessionsListSaysWhenThereAreNoneAndReportsAnUnknownUser() {
        service.answer("ListSessions", "{\"Sessions\":[]}")
                .answer("ListSessions", 400, "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"No user named bob\","
                        + "\"ResourceType\":\"USER\",\"ResourceId\":\"bob\"}");
        assertThat(run(0, "admin", "sessions", "list", "--user", "alice").out()).isEqualTo("alice has no active sign-in sessions.\n");
        CliHarness.Result unknown = run(1, "admin", "sessions", "list", "--user", "bob");
        assertThat(unknown.err()).contains("ResourceNotFoundException").contains("No user named bob");
        assertThat(unknown.out()).isEmpty();
        assertThat(run(2, "admin", "sessions", "list").err()).contains("--user");
    }

    @Test
    void sessionsEndEndsOneSessionOrAllOfAUsersAndSaysHowMany() throws IOException {
        service.answer("EndSession", "{\"SessionId\":\"s-1\",\"SessionsEnded\":1,\"RoleSessionsEnded\":0}")
                .answer("EndSession", "{\"SessionId\":\"s-1\",\"SessionsEnded\":0,\"RoleSessionsEnded\":0}")
                .answer("EndUserSessions", "{\"UserId\":\"u-1\",\"SessionsEnded\":3,\"RoleSessionsEnded\":2}")
                .answer("EndUserSessions", "{\"UserId\":\"u-1\",\"SessionsEnded\":0,\"RoleSessionsEnded\":0}");

        assertThat(run(0, "admin", "sessions", "end", "s-1").out()).isEqualTo("Ended 1 session(s).\n");
        assertThat(body(0)).isEqualTo(JSON.readTree("{\"SessionId\":\"s-1\",\"EndRoleSessions\":false}"));
        assertThat(run(0, "admin", "sessions", "end", "s-1").out())
                .isEqualTo("Ended 0 session(s); s-1 had already ended or expired.\n");

        CliHarness.Result all = run(0, "admin", "sessions", "end", "--user", "alice", "--role-sessions");
        assertThat(all.out()).isEqualTo("Ended 3 session(s) and 2 role session(s).\n");
        assertThat(body(2)).isEqualTo(JSON.readTree("{\"UserName\":\"alice\",\"EndRoleSessions\":true}"));

        CliHarness.Result json = run(0, "admin", "sessions", "end", "--user", "alice", "--output", "json");
        assertThat(JSON.readTree(json.out())).isEqualTo(JSON.readTree("{\"sessionsEnded\":0,\"roleSessionsEnded\":0}"));
        assertThat(json.err()).isEmpty();
        assertThat(service.calls()).extracting(ScriptedAdminService.Call::operation)
                .containsExactly("EndSession", "EndSession", "EndUserSessions", "EndUserSessions");
    }

    /** Session ids are base64url: one may begin with '-', and is still the SESSION_ID, not an option. */
    @Test
    void aSessionIdBeginningWithADashIsTheSessionToEnd() throws IOException {
        service.answer("EndSession", "{\"SessionId\":\"-ygAeyopVwb6VqcxZgckeQ\",\"SessionsEnded\":1,\"RoleSessionsEnded\":0}");
        assertThat(run(0, "admin", "sessions", "end", "-ygAeyopVwb6VqcxZgckeQ").out()).isEqualTo("Ended 1 session(s).\n");
        assertThat(body(0)).isEqualTo(JSON.readTree("{\"SessionId\":\"-ygAeyopVwb6VqcxZgckeQ\",\"EndRoleSessions\":false}"));
    }

    @Test
    void sessionsEndWantsExactlyOneOfASessionIdAndAUser() {
        assertThat(run(2, "admin", "sessions", "end").err()).contains("SESSION_ID").contains("--user");
        assertThat(run(2, "admin", "sessions", "end", "s-1", "--user", "alice").err()).contains("SESSION_ID").contains("--user");
        assertThat(run(2, "admin", "sessions", "end", "s-1", "s-2").err()).contains("s-2");
        assertThat(service.calls()).isEmpty();
    }

    @Test
    void auditListSendsTheFiltersAndFollowsPagesUntilMax() throws IOException {
        cli.clock = InstantSource.fixed(Instant.parse("2026-12-01T10:00:00Z"));
        service.answer("ListAuditEvents", """
                        {"Events":[%s,%s],"NextToken":"p2"}""".formatted(event("e-5", "SignInFailed"), event("e-4", "SignInFailed")))
                .answer("ListAuditEvents", """
                        {"Events":[],"NextToken":"p3"}""")
                .answer("ListAuditEvents", """
                        {"Events":[%s,%s],"NextToken":"p4"}""".formatted(event("e-3", "SignInFailed"), event("e-2", "SignInFailed")));

        CliHarness.Result listed = run(0, "admin", "audit", "list", "--user", "alice", "--event", "SignInFailed",
                "--since", "PT1H", "--until", "2026-12-01T09:30:00Z", "--max", "3", "--output", "json");

        assertThat(service.calls()).hasSize(3);
        assertThat(body(0)).isEqualTo(JSON.readTree("""
                {"UserName":"alice","EventName":"SignInFailed","StartTime":1796115600,"EndTime":1796117400,"MaxResults":3}"""));
        assertThat(body(1).path("NextToken").asText()).isEqualTo("p2");
        assertThat(body(2).path("NextToken").asText()).isEqualTo("p3");
        JsonNode events = JSON.readTree(listed.out());
        assertThat(events).extracting(e -> e.path("eventId").asText()).containsExactly("e-5", "e-4", "e-3");
        assertThat(events.get(0)).isEqualTo(JSON.readTree("""
                {"eventId":"e-5","time":"2026-12-01T08:00:00.123Z","event":"SignInFailed","outcome":"failure","user":"alice",
                 "userId":"u-1","sessionId":"s-1","client":"botocore-client-x","clientId":"c-1","sourceAddress":"192.0.2.7",
                 "requestId":"r-1","details":{"reason":"BAD_PASSWORD"}}"""));
        assertThat(listed.err()).isEmpty();
    }

    @Test
    void auditListForPeopleIsATableAndBadTimesAreUsageErrors() {
        service.answer("ListAuditEvents", "{\"Events\":[" + event("e-1", "SessionEndedByAdmin") + ","
                + "{\"EventId\":\"e-0\",\"Time\":1796111000,\"EventName\":\"AdminCall\",\"Outcome\":\"denied\",\"Details\":{}}]}");

        List<String> lines = run(0, "admin", "audit", "list").out().lines().toList();
        assertThat(lines.get(0)).matches("TIME +EVENT +OUTCOME +USER +SESSION +CLIENT +FROM");
        assertThat(lines.get(1)).matches("2026-12-01T08:00:00Z +SessionEndedByAdmin +failure +alice +s-1 "
                + "+botocore-client-x +192\\.0\\.2\\.7");
        assertThat(lines.get(2)).matches("2026-12-01T07:43:20Z +AdminCall +denied +- +- +- +-");
        assertThat(lines).hasSize(3);
        assertThat(service.calls().getFirst().body()).isEqualTo("{\"MaxResults\":100}");

        assertThat(run(2, "admin", "audit", "list", "--since", "yesterday").err()).contains("--since").contains("PT1H");
        assertThat(run(2, "admin", "audit", "list", "--since", "PT99999999999999H").err()).contains("--since");
        assertThat(run(2, "admin", "audit", "list", "--until", "2026-12-01").err()).contains("--until");
        assertThat(run(2, "admin", "audit", "list", "--max", "0").err()).contains("--max");
        assertThat(service.calls()).hasSize(1);
    }

    private static String event(String id, String name) {
        return """
                {"EventId":"%s","Time":1796112000.123,"EventName":"%s","Outcome":"failure","UserName":"alice","UserId":"u-1",
                 "SessionId":"s-1","ClientName":"botocore-client-x","ClientId":"c-1","SourceAddress":"192.0.2.7",
                 "RequestId":"r-1","Details":{"reason":"BAD_PASSWORD"}}""".formatted(id, name);
    }
}
