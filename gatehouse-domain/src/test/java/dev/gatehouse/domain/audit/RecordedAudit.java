package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.oidc.RegisteredClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An audit sink that keeps every record it is given, in order, for tests to check field by field.
 * Added to a trail, it gets exactly what the store and the JSON-lines log would.
 */
public final class RecordedAudit implements AuditSink {
    private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    /** A sink added to {@code trail}. */
    public static RecordedAudit on(AuditTrail trail) {
        RecordedAudit recorded = new RecordedAudit();
        trail.addSink(recorded);
        return recorded;
    }

    @Override
    public void accept(AuditRecord record) {
        records.add(record);
    }

    public List<AuditRecord> all() {
        return List.copyOf(records);
    }

    public List<AuditRecord> of(AuditEvent event) {
        return records.stream().filter(r -> r.event() == event).toList();
    }

    /** The one record of this event; fails when there is none or more than one. */
    public AuditRecord only(AuditEvent event) {
        List<AuditRecord> found = of(event);
        assertThat(found).as("%s records among %s", event, records).hasSize(1);
        return found.getFirst();
    }

    /** The events recorded so far, in order. */
    public List<AuditEvent> events() {
        return records.stream().map(AuditRecord::event).toList();
    }

    /** Asserts, field by field, when the event was, how it ended, whose it was and of which session (null: none). */
    public static void assertAbout(AuditRecord record, Instant time, AuditOutcome outcome, User user, String sessionId) {
        assertThat(record.time()).as("time").isEqualTo(time);
        assertThat(record.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(record.user()).as("user").contains(user.userName());
        assertThat(record.userId()).as("userId").contains(user.id());
        assertThat(record.sessionId()).as("sessionId").isEqualTo(Optional.ofNullable(sessionId));
    }

    /** Asserts that the record names this OIDC client, by its {@code clientName} and its id. */
    public static void assertClient(AuditRecord record, RegisteredClient client) {
        assertThat(record.client()).as("client").contains(client.clientName());
        assertThat(record.clientId()).as("clientId").contains(client.clientId());
    }

    /** Fails when any record holds any of these texts (tokens, passwords, codes) anywhere. */
    public void assertNoRecordHolds(String... secrets) {
        for (AuditRecord record : records) {
            for (String secret : secrets) {
                assertThat(record.toString()).as("audit record %s", record.event()).doesNotContain(secret);
            }
        }
    }

    public void clear() {
        records.clear();
    }
}
