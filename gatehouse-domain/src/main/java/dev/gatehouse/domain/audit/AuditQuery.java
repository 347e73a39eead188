package dev.gatehouse.domain.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to read back, newest first: those at or after {@code from} and before
 * {@code until}; of a user when {@code userId} or {@code userName} is given (a record matches when its
 * user id equals {@code userId} or its user name equals {@code userName}); of one event when given;
 * with an id below {@code before} when given (the id of the last record of the page before).
 * A store reads at most {@code scanLimit} records for one query, so that a filter that matches
 * little cannot make one call read the whole trail: it then answers what it found with a
 * {@code nextBefore} to go on from.
 */
public record AuditQuery(Optional<String> userId, Optional<String> userName, Optional<AuditEvent> event,
                         Instant from, Instant until, Optional<String> before, int limit, int scanLimit) {
    public static final int DEFAULT_SCAN_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || scanLimit < limit) {
            throw new IllegalArgumentException("limit " + limit + " / scan limit " + scanLimit);
        }
    }

    /** Every record of the answer has an id below this one: {@code before}, or the lowest id at {@code until}. */
    public String idsBelow() {
        String untilId = AuditIds.lowestAt(until);
        return before.filter(b -> b.compareTo(untilId) < 0).orElse(untilId);
    }

    /** Every record of the answer has an id at or above this one. */
    public String idsFrom() {
        return AuditIds.lowestAt(from);
    }

    public boolean matches(AuditRecord record) {
        boolean userMatches = (userId.isEmpty() && userName.isEmpty())
                || userId.isPresent() && userId.equals(record.userId())
                || userName.isPresent() && userName.equals(record.user());
        return userMatches && event.map(e -> e == record.event()).orElse(true)
                && !record.time().isBefore(from) && record.time().isBefore(until);
    }
}
