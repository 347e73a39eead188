package dev.gatehouse.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a client retries: up to {@link #maxAttempts()} attempts in all, waiting between them with
 * exponential backoff and full jitter (a uniformly random wait between zero and
 * {@code min(maxBackoff, baseDelay × 2^(retry−1))}), and at least as long as the service's
 * {@code Retry-After} asks.
 *
 * <p>What is retried: throttling (HTTP 429 or {@code TooManyRequestsException}), HTTP 500, 502, 503
 * and 504, and connection failures. SSO OIDC's {@code SlowDownException} is never retried (the
 * device flow's polling loop slows down itself), nor is any other 4xx. A request that may have
 * reached the service is re-sent after a broken connection or a timeout only when the operation is
 * safe to repeat (every access-portal operation, Logout included; not CreateToken, whose codes and
 * refresh tokens are single-use). A {@code Retry-After} longer than {@link #maxBackoff()} is not
 * waited for: the error surfaces at once.
 *
 * <p>Defaults: 3 attempts, 100 ms base delay, 20 s maximum backoff — those of the AWS SDKs'
 * standard retry mode. The sleeper, the jitter source and the clock (for a {@code Retry-After}
 * given as an HTTP date) can be replaced, for tests.
 */
public final class RetryPolicy {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Clock clock;

    private RetryPolicy(Builder b) {
        if (b.maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 turns retries off), not " + b.maxAttempts);
        }
        if (b.baseDelay.isNegative() || b.maxBackoff.isNegative()) {
            throw new IllegalArgumentException("baseDelay and maxBackoff must not be negative");
        }
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxBackoff = b.maxBackoff;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
        this.clock = b.clock;
    }

    /** 3 attempts, 100 ms base delay, 20 s maximum backoff. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt: every error surfaces at once. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).baseDelay(baseDelay).maxBackoff(maxBackoff)
                .sleeper(sleeper).jitter(jitter).clock(clock);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The backoff before retry number {@code retry} (1 for the second attempt): full jitter, a
     * uniformly random wait in {@code [0, min(maxBackoff, baseDelay × 2^(retry−1))]}.
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1");
        }
        long ceiling = ceilingMillis(retry);
        double r = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(Math.round(r * ceiling));
    }

    /** The upper bound of {@link #backoff(int)}: {@code min(maxBackoff, baseDelay × 2^(retry−1))} in milliseconds. */
    public long ceilingMillis(int retry) {
        int shift = Math.min(retry - 1, 30);
        long exponential = baseDelay.toMillis() << shift;
        if (exponential < 0 || (shift > 0 && exponential >> shift != baseDelay.toMillis())) {
            exponential = Long.MAX_VALUE; // overflowed: the cap applies
        }
        return Math.min(maxBackoff.toMillis(), exponential);
    }

    /**
     * The wait before retry number {@code retry}: the backoff, or the service's Retry-After when
     * that is longer. Empty when the Retry-After is longer than {@link #maxBackoff()} — not retried.
     */
    public Optional<Duration> delayBeforeRetry(int retry, Optional<Duration> retryAfter) {
        Duration backoff = backoff(retry);
        if (retryAfter.isEmpty()) {
            return Optional.of(backoff);
        }
        Duration asked = retryAfter.get();
        if (asked.compareTo(maxBackoff) > 0) {
            return Optional.empty();
        }
        return Optional.of(asked.compareTo(backoff) > 0 ? asked : backoff);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxBackoff=" + maxBackoff + "]";
    }

    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration baseDelay = DEFAULT_BASE_DELAY;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Sleeper sleeper = Sleeper.THREAD;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Attempts in all, the first included; 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of the jitter: numbers in {@code [0, 1]}; random by default. */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /** The clock that turns a {@code Retry-After} HTTP date into a wait. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
