package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
