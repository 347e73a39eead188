package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection for sign-in, per user name (whether or not such a user exists, so that the
 * answers do not tell) and per client address. After a few failures each further attempt must wait
 * a delay that doubles with every failure; after many, the key is locked for a while. A success
 * clears the user's count.
 *
 * <p>The counts are kept in the store, so every instance on one store counts together: an attacker
 * spreading guesses over instances gets no more of them. A count is forgotten an hour after its last
 * failure.
 */
public final class SignInThrottle {
    /** Failures allowed before delays start, the cap on a delay, and when and how long to lock. */
    public record Policy(String name, int freeFailures, Duration maxDelay, int lockAfter, Duration lockFor) {
    }

    public static final Policy PER_USER = new Policy("sign-in-failures-user", 3, Duration.ofSeconds(30), 10,
            Duration.ofMinutes(15));
    public static final Policy PER_ADDRESS = new Policy("sign-in-failures-address", 20, Duration.ofSeconds(30), 100,
            Duration.ofMinutes(15));
    static final Duration KEPT_FOR = Duration.ofHours(1);

    private final GatehouseStore store;
    private final InstantSource clock;

    public SignInThrottle(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** How long the caller must wait before this attempt may be checked; empty when it may go now. */
    public Optional<Duration> waitBefore(String userName, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = wait(store.findCounter(userKey(userName), now), PER_USER, now);
        Optional<Duration> addr = wait(store.findCounter(addressKey(address), now), PER_ADDRESS, now);
        if (user.isPresent() && addr.isPresent()) {
            return Optional.of(user.get().compareTo(addr.get()) > 0 ? user.get() : addr.get());
        }
        return user.isPresent() ? user : addr;
    }

    public void failed(String userName, String address) {
        Instant now = clock.instant();
        store.incrementCounter(userKey(userName), now, now.plus(KEPT_FOR));
        store.incrementCounter(addressKey(address), now, now.plus(KEPT_FOR));
    }

    public void succeeded(String userName) {
        store.deleteCounter(userKey(userName));
    }

    private static Optional<Duration> wait(Optional<Counter> failures, Policy policy, Instant now) {
        if (failures.isEmpty() || failures.get().value() < policy.freeFailures()) {
            return Optional.empty();
        }
        long count = failures.get().value();
        Duration delay = count >= policy.lockAfter()
                ? policy.lockFor()
                : min(Duration.ofSeconds(1L << Math.min(20, count - policy.freeFailures())), policy.maxDelay());
        Instant until = failures.get().updatedAt().plus(delay);
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String userKey(String userName) {
        return CounterKeys.of(PER_USER.name(), userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return CounterKeys.of(PER_ADDRESS.name(), address == null ? "" : address);
    }
}
