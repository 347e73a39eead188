package dev.gatehouse.domain.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection for sign-in, per user name (whether or not such a user exists, so that the
 * answers do not tell) and per client address. After a few failures each further attempt must wait
 * a delay that doubles with every failure; after many, the key is locked for a while. A success
 * clears the user's count.
 *
 * <p>Counts live in this process; several instances each count on their own (issue 5 shares them).
 */
public final class SignInThrottle {
    /** Failures allowed before delays start, the cap on a delay, and when and how long to lock. */
    public record Policy(int freeFailures, Duration maxDelay, int lockAfter, Duration lockFor) {
    }

    public static final Policy PER_USER = new Policy(3, Duration.ofSeconds(30), 10, Duration.ofMinutes(15));
    public static final Policy PER_ADDRESS = new Policy(20, Duration.ofSeconds(30), 100, Duration.ofMinutes(15));
    private static final int MAX_KEYS = 100_000;

    private final InstantSource clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(InstantSource clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the caller must wait before this attempt may be checked; empty when it may go now. */
    public Optional<Duration> waitBefore(String userName, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = wait(users.get(key(userName)), PER_USER, now);
        Optional<Duration> addr = wait(addresses.get(address), PER_ADDRESS, now);
        if (user.isPresent() && addr.isPresent()) {
            return Optional.of(user.get().compareTo(addr.get()) > 0 ? user.get() : addr.get());
        }
        return user.isPresent() ? user : addr;
    }

    public void failed(String userName, String address) {
        Instant now = clock.instant();
        if (users.size() > MAX_KEYS || addresses.size() > MAX_KEYS) {
            forgetOld(now);
        }
        users.merge(key(userName), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        addresses.merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    public void succeeded(String userName) {
        users.remove(key(userName));
    }

    private static Optional<Duration> wait(Failures failures, Policy policy, Instant now) {
        if (failures == null || failures.count() < policy.freeFailures()) {
            return Optional.empty();
        }
        Duration delay = failures.count() >= policy.lockAfter()
                ? policy.lockFor()
                : min(Duration.ofSeconds(1L << Math.min(20, failures.count() - policy.freeFailures())), policy.maxDelay());
        Instant until = failures.last().plus(delay);
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private void forgetOld(Instant now) {
        Instant cutoff = now.minus(PER_USER.lockFor());
        users.values().removeIf(f -> f.last().isBefore(cutoff));
        addresses.values().removeIf(f -> f.last().isBefore(cutoff));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String key(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }
}
