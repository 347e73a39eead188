package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brute-force protection for sign-in. Failures are counted under three keys: the user name and the
 * client address together (whether or not such a user exists, so that the answers do not tell), the
 * user name alone, and the address alone. After a few failures under a key each further attempt must
 * wait a delay that doubles with every failure; after many, the key is locked for a while.
 *
 * <p>The tight lock is per user <em>and address</em>, so that someone who types wrong passwords for
 * another person's name locks out only themselves: the person still signs in from their own address.
 * The per-user count is a slower backstop against guessing one password from many addresses; it
 * delays and locks everyone, but only after many times more failures. A success clears the count of
 * its user and address; the backstop is forgotten like the others, an hour after its last failure.
 *
 * <p>The counts are kept in the store, so every instance on one store counts together: an attacker
 * spreading guesses over instances gets no more of them. A count is forgotten an hour after its last
 * failure.
 */
public final class SignInThrottle {
    /** Failures allowed before delays start, the cap on a delay, and when and how long to lock. */
    public record Policy(String name, int freeFailures, Duration maxDelay, int lockAfter, Duration lockFor) {
    }

    public static final Policy PER_USER_AND_ADDRESS = new Policy("sign-in-failures-user-address", 3,
            Duration.ofSeconds(30), 10, Duration.ofMinutes(15));
    /** The backstop: every address together. */
    public static final Policy PER_USER = new Policy("sign-in-failures-user", 30, Duration.ofSeconds(30), 100,
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
        return Stream.of(
                        wait(store.findCounter(userAndAddressKey(userName, address), now), PER_USER_AND_ADDRESS, now),
                        wait(store.findCounter(userKey(userName), now), PER_USER, now),
                        wait(store.findCounter(addressKey(address), now), PER_ADDRESS, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    public void failed(String userName, String address) {
        Instant now = clock.instant();
        store.incrementCounter(userAndAddressKey(userName, address), now, now.plus(KEPT_FOR));
        store.incrementCounter(userKey(userName), now, now.plus(KEPT_FOR));
        store.incrementCounter(addressKey(address), now, now.plus(KEPT_FOR));
    }

    public void succeeded(String userName, String address) {
        store.deleteCounter(userAndAddressKey(userName, address));
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
        return CounterKeys.of(PER_USER.name(), normalized(userName));
    }

    private static String userAndAddressKey(String userName, String address) {
        // the address cannot hold a newline, so the pair is unambiguous
        return CounterKeys.of(PER_USER_AND_ADDRESS.name(), normalized(userName) + "\n" + (address == null ? "" : address));
    }

    private static String normalized(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return CounterKeys.of(PER_ADDRESS.name(), address == null ? "" : address);
    }
}
