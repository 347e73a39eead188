package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.AuditWire;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * GatehouseAdmin.ListAuditEvents {@code {UserName?, EventName?, StartTime?, EndTime?, MaxResults?,
 * NextToken?}}: the audit trail as the store keeps it, newest first. {@code UserName} matches records
 * of that user name or of the id it names now (so a renamed user's older records are found too). A
 * page may hold fewer events than asked, with a {@code NextToken}, when the store stopped at its scan
 * limit.
 */
public final class ListAuditEventsHandler implements AdminOperation {
    /** {@code EndTime} by default: a moment past now, so that what was just recorded is in. */
    private static final Duration END_TIME_MARGIN = Duration.ofSeconds(1);

    private final Directory directory;
    private final AuditTrail audit;
    private final InstantSource clock;

    public ListAuditEventsHandler(Directory directory, AuditTrail audit, InstantSource clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        Optional<String> userName = AuditWire.userName(input);
        Optional<User> user = userName.flatMap(directory::user);
        Instant from = AuditWire.startTime(input, Instant.EPOCH);
        Instant until = AuditWire.endTime(input, clock.instant().plus(END_TIME_MARGIN));
        if (!from.isBefore(until)) {
            throw InvalidMemberException.unsatisfied("EndTime", "be later than StartTime", null);
        }
        AuditQuery query = new AuditQuery(user.map(User::id), user.map(User::userName).or(() -> userName),
                AuditWire.eventName(input), from, until, AuditWire.before(input), AuditWire.maxResults(input),
                AuditQuery.DEFAULT_SCAN_LIMIT);
        return AuditWire.events(audit.find(query));
    }
}
