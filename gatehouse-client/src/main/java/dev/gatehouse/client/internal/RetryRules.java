package dev.gatehouse.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** Which failures are worth another attempt, and how long the service asks us to wait. */
public final class RetryRules {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static final String THROTTLED = "TooManyRequestsException";
    /** SSO OIDC's "poll more slowly": the device flow's own loop handles it. */
    private static final String SLOW_DOWN = "SlowDownException";
    private static final long MAX_RETRY_AFTER_SECONDS = 366L * 24 * 3600;

    private RetryRules() {
    }

    /** Throttling (429 or TooManyRequestsException) and 500/502/503/504 — never SlowDownException. */
    public static boolean isRetryable(AwsError error) {
        if (SLOW_DOWN.equals(error.code())) {
            return false;
        }
        return RETRYABLE_STATUS.contains(error.status()) || THROTTLED.equals(error.code());
    }

    /**
     * A connection that could not be made is always worth another attempt (the request never left);
     * any other I/O failure (reset, timeout waiting for the answer) only when the request is safe to
     * send twice.
     */
    public static boolean isRetryable(IOException failure, boolean retrySafe) {
        return retrySafe || isConnectFailure(failure);
    }

    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP date (RFC 9110).
     * Empty when absent or unreadable.
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            if (value.length() > 12) {
                return Optional.of(Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS));
            }
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_RETRY_AFTER_SECONDS)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
