package dev.gatehouse.server.gatehouseadmin;

import static dev.gatehouse.server.TestDirectory.ADMIN_KEY_ID;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.assertError;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.TestService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GatehouseAdmin.ListAuditEvents over the wire, reading back the trail the RocksDB store keeps: newest
 * first, every field of an event, filtered by user (name or the id it names), event and time, paged
 * with an opaque NextToken, and bad input refused as ValidationException.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditEventsApiTest {
    private static final String LIST = "GatehouseAdmin.ListAuditEvents";

    @TempDir
    Path dataDir;
    TestService service;
    AdminCalls calls;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        calls = new AdminCalls(service.baseUrl());
    }

    @AfterEach
    void stop() {
        calls.close();
        service.close();
    }

    private JsonNode list(String json) {
        service.flushAudit();
        return ok(listRaw(json));
    }

    /** Signed at the service's clock, which the tests move. */
    private HttpResponse<String> listRaw(String json) {
        return calls.asBootstrap(LIST, json, "gatehouse", service.clock.withZone(ZoneOffset.UTC));
    }

    private User user(String name) {
        return service.gatehouse.directory().user(name).orElseThrow();
    }

    /** An event recorded by the domain at the service clock's time, as a use case would record it. */
    private AuditRecord record(AuditEvent event, User user) {
        return service.gatehouse.audit().event(event).user(user).session("s-" + user.userName())
                .client("botocore-client-x", "client-1").detail("grant", "refresh_token").record();
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("Events").forEach(e -> names.add(e.path("EventName").asText() + "/" + e.path("UserName").asText()));
        return names;
    }

    private static JsonNode eventNamed(JsonNode answer, String name) {
        for (JsonNode event : answer.path("Events")) {
            if (event.path("EventName").asText().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no " + name + " in " + answer);
    }

    private static long epochSeconds(Instant at) {
        return at.getEpochSecond();
    }

    @Test
    void eventsComeNewestFirstWithEveryField() {
        AuditRecord refreshed = record(AuditEvent.TOKEN_REFRESHED, user("alice"));
        service.clock.advance(Duration.ofSeconds(1));
        SignInSession session = service.session("bob");
        JsonNode ended = ok(calls.asBootstrap("GatehouseAdmin.EndSession", "{\"SessionId\":\"" + session.id() + "\"}"));
        assertThat(ended.path("SessionsEnded").asInt()).isEqualTo(1);

        JsonNode answer = list("{}");
        // both of EndSession's events are of the same millisecond, in no particular order; the call
        // names the session only, the session's event names its user
        assertThat(names(answer).subList(0, 2)).containsExactlyInAnyOrder("AdminCall/", "SessionEndedByAdmin/bob");
        assertThat(names(answer)).hasSize(3).endsWith("TokenRefreshed/alice");
        assertThat(answer.has("NextToken")).isFalse();

        JsonNode adminCall = eventNamed(answer, "AdminCall");
        assertThat(adminCall.path("Outcome").asText()).isEqualTo("success");
        assertThat(adminCall.path("ClientName").asText()).isEqualTo(ADMIN_KEY_ID);
        assertThat(adminCall.path("SourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(adminCall.path("RequestId").asText()).isNotBlank();
        assertThat(adminCall.path("Details").path("operation").asText()).isEqualTo("EndSession");
        assertThat(adminCall.path("Details").path("SessionId").asText()).isEqualTo(session.id());
        JsonNode endedEvent = eventNamed(answer, "SessionEndedByAdmin");
        assertThat(endedEvent.path("SessionId").asText()).isEqualTo(session.id());
        assertThat(endedEvent.path("RequestId").asText()).isEqualTo(adminCall.path("RequestId").asText());

        JsonNode event = answer.path("Events").get(2);
        assertThat(event.path("EventId").asText()).isEqualTo(refreshed.id());
        assertThat(event.path("Time").decimalValue().movePointRight(3).longValueExact())
                .isEqualTo(refreshed.time().toEpochMilli());
        assertThat(event.path("EventName").asText()).isEqualTo("TokenRefreshed");
        assertThat(event.path("Outcome").asText()).isEqualTo("success");
        assertThat(event.path("UserName").asText()).isEqualTo("alice");
        assertThat(event.path("UserId").asText()).isEqualTo(user("alice").id());
        assertThat(event.path("SessionId").asText()).isEqualTo("s-alice");
        assertThat(event.path("ClientName").asText()).isEqualTo("botocore-client-x");
        assertThat(event.path("ClientId").asText()).isEqualTo("client-1");
        assertThat(event.has("SourceAddress")).isFalse(); // recorded in process, outside any request
        assertThat(event.has("RequestId")).isFalse();
        assertThat(event.path("Details").path("grant").asText()).isEqualTo("refresh_token");
    }

    @Test
    void filtersByUserEventAndTime() {
        Instant start = service.clock.instant();
        record(AuditEvent.SIGN_IN_SUCCEEDED, user("alice"));
        service.clock.advance(Duration.ofMinutes(10));
        Instant middle = service.clock.instant();
        record(AuditEvent.SIGN_IN_SUCCEEDED, user("bob"));
        service.clock.advance(Duration.ofMillis(1));
        record(AuditEvent.LOGOUT, user("alice"));
        service.clock.advance(Duration.ofMinutes(10));
        Instant late = service.clock.instant();
        service.gatehouse.audit().event(AuditEvent.SIGN_IN_FAILED).outcome(AuditOutcome.FAILURE)
                .userId(user("alice").id()).record();

        assertThat(names(list("{\"UserName\":\"alice\"}")))
                .containsExactly("SignInFailed/alice", "Logout/alice", "SignInSucceeded/alice");
        // a name matches records of the user it names now, whatever the case it is typed in
        assertThat(names(list("{\"UserName\":\"ALICE\"}"))).hasSize(3);
        assertThat(names(list("{\"UserName\":\"nobody\"}"))).isEmpty();
        assertThat(names(list("{\"EventName\":\"SignInSucceeded\"}")))
                .containsExactly("SignInSucceeded/bob", "SignInSucceeded/alice");
        assertThat(names(list("{\"UserName\":\"bob\",\"EventName\":\"Logout\"}"))).isEmpty();
        assertThat(list("{\"EventName\":\"SignInFailed\"}").path("Events").get(0).path("Outcome").asText())
                .isEqualTo("failure");
        // StartTime is inclusive, EndTime exclusive
        assertThat(names(list("{\"StartTime\":" + epochSeconds(middle) + ",\"EndTime\":" + epochSeconds(late) + "}")))
                .containsExactly("Logout/alice", "SignInSucceeded/bob");
        assertThat(names(list("{\"EndTime\":" + epochSeconds(middle) + "}"))).containsExactly("SignInSucceeded/alice");
        // fractional seconds, to the millisecond: one past the last event's time leaves it out
        String justAfterLate = BigDecimal.valueOf(late.toEpochMilli() + 1, 3).toPlainString();
        String atLate = BigDecimal.valueOf(late.toEpochMilli(), 3).toPlainString();
        assertThat(names(list("{\"StartTime\":" + justAfterLate + "}"))).isEmpty();
        assertThat(names(list("{\"StartTime\":" + atLate + "}"))).containsExactly("SignInFailed/alice");
        assertThat(names(list("{\"StartTime\":" + epochSeconds(start) + "}"))).hasSize(4);
    }

    @Test
    void pagesWithMaxResultsAndAnOpaqueNextToken() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.addFirst(record(AuditEvent.TOKEN_ISSUED, user("bob")).id());
            service.clock.advance(Duration.ofMillis(5));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = list(next == null ? "{\"MaxResults\":3}" : "{\"MaxResults\":3,\"NextToken\":\"" + next + "\"}");
            assertThat(page.path("Events").size()).isLessThanOrEqualTo(3);
            page.path("Events").forEach(e -> seen.add(e.path("EventId").asText()));
            next = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
            pages++;
        } while (next != null);
        assertThat(pages).isBetween(3, 4);
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(list("{}").path("Events")).hasSize(7);
    }

    @Test
    void badInputIsAValidationException() {
        JsonNode badEvent = assertError(listRaw("{\"EventName\":\"Coffee\"}"), "ValidationException", "'EventName'");
        assertThat(badEvent.path("Message").asText()).contains("SignInSucceeded").contains("AdminCall")
                .contains("DeviceCodeLockout").contains("InvitationAccepted");
        assertError(listRaw("{\"EventName\":7}"), "ValidationException", "'EventName'");
        assertError(listRaw("{\"MaxResults\":0}"), "ValidationException", "'MaxResults'");
        assertError(listRaw("{\"MaxResults\":1001}"), "ValidationException", "'MaxResults'");
        assertThat(ok(listRaw("{\"MaxResults\":1000}")).path("Events").isArray()).isTrue();
        assertError(listRaw("{\"StartTime\":\"yesterday\"}"), "ValidationException", "'StartTime'");
        assertError(listRaw("{\"EndTime\":-1}"), "ValidationException", "'EndTime'");
        assertError(listRaw("{\"EndTime\":1e300}"), "ValidationException", "'EndTime'");
        assertError(listRaw("{\"EndTime\":1e400}"), "ValidationException", "'EndTime'");
        assertError(listRaw("{\"StartTime\":-1e400}"), "ValidationException", "'StartTime'");
        assertError(listRaw("{\"StartTime\":2000,\"EndTime\":1000}"), "ValidationException", "'EndTime'");
        assertError(listRaw("{\"NextToken\":\"garbage\"}"), "ValidationException", "NextToken");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("ga1:../../x".getBytes());
        assertError(listRaw("{\"NextToken\":\"" + forged + "\"}"), "ValidationException", "NextToken");
        assertError(listRaw("{\"UserName\":[]}"), "ValidationException", "'UserName'");
        assertError(listRaw("{\"UserName\":\"" + "x".repeat(129) + "\"}"), "ValidationException", "128");
        assertError(listRaw("{\"UserName\":\"al\\u0000ice\"}"), "ValidationException", "'UserName'");
    }
}
