package dev.gatehouse.domain.audit;

import dev.gatehouse.domain.token.RandomIds;
import java.time.Instant;

/**
 * Audit record ids that sort as their times do, so that a store keeps them in time order by id alone:
 * the time in milliseconds since the epoch as 13 decimal digits, a dash, then 10 random characters
 * (records of the same millisecond sort in no particular order).
 */
public final class AuditIds {
    private AuditIds() {
    }

    public static String next(Instant time) {
        return String.format("%013d-%s", time.toEpochMilli(), RandomIds.base32(10));
    }

    /** The smallest id any record at or after {@code time} can have. */
    public static String lowestAt(Instant time) {
        return String.format("%013d-", time.toEpochMilli());
    }

    /** An id above every record before {@code time}, and below every record at or after it. */
    public static String highestBefore(Instant time) {
        return lowestAt(time);
    }
}
