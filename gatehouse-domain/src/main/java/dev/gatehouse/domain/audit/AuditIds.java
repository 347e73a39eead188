package dev.gatehouse.domain.audit;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Audit record ids that sort as their times do, so that a store keeps them in time order by id alone:
 * the time in milliseconds since the epoch as 13 decimal digits, a dash, then 10 random characters
 * (records of the same millisecond sort in no particular order).
 */
public final class AuditIds {
    private AuditIds() {
    }

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public static String next(Instant time) {
        // the suffix only keeps ids apart, it guards nothing: a fast source, not the shared SecureRandom
        // that every token and key draws from (whose lock every request that issues one contends for)
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] suffix = new char[10];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return lowestAt(time) + new String(suffix);
    }

    /** The smallest id any record at or after {@code time} can have. */
    public static String lowestAt(Instant time) {
        String millis = Long.toString(Math.max(0, time.toEpochMilli()));
        return "0".repeat(Math.max(0, 13 - millis.length())) + millis + "-";
    }
}
