package dev.gatehouse.domain.store;

import java.time.Instant;

/**
 * A number the store keeps under a key until it expires, shared by every instance on one store:
 * failed sign-ins, wrong device user codes, the last TOTP step a user spent, spent TOTP tickets, a
 * browser token's last use. Keys are made by {@link CounterKeys}.
 */
public record Counter(String key, long value, Instant updatedAt, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This counter after one more at {@code at}; a missing or expired counter starts again at 1. */
    public static Counter incremented(Counter current, String key, Instant at, Instant expiresAt) {
        long value = current == null || current.isExpiredAt(at) ? 1 : current.value() + 1;
        return new Counter(key, value, at, expiresAt);
    }

    /** This counter with one taken off, or itself when it is missing or at zero. */
    public static Counter decremented(Counter current) {
        return current == null || current.value() <= 0 ? current
                : new Counter(current.key(), current.value() - 1, current.updatedAt(), current.expiresAt());
    }

    /** True when {@code value} is higher than this counter's, or this counter is missing or expired. */
    public static boolean isRaisedBy(Counter current, long value, Instant at) {
        return current == null || current.isExpiredAt(at) || value > current.value();
    }
}
