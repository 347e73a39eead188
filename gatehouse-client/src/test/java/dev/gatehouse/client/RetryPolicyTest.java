package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.client.internal.RetryRules;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The backoff arithmetic and the retry rules, without HTTP. */
class RetryPolicyTest {
    private static RetryPolicy withJitter(double jitter) {
        return RetryPolicy.builder().jitter(() -> jitter).build();
    }

    @Test
    void defaultsAreThoseOfTheSdksStandardMode() {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void theCeilingDoublesUpToTheMaximumBackoff() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 10, 64, Integer.MAX_VALUE).stream().map(policy::ceilingMillis).toList())
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 12800L, 20000L, 20000L, 20000L, 20000L);
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(withJitter(0.0).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(withJitter(1.0).backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(withJitter(0.25).backoff(2)).isEqualTo(Duration.ofMillis(50));
        assertThat(withJitter(1.0).backoff(30)).isEqualTo(Duration.ofSeconds(20));

        // with real randomness: always within [0, ceiling], and not always the same
        Random random = new Random(42);
        RetryPolicy policy = RetryPolicy.builder().jitter(random::nextDouble).build();
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waits.add(policy.backoff(4));
        }
        assertThat(waits).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(800)));
        assertThat(waits.stream().distinct().count()).isGreaterThan(50);
        assertThat(waits.stream().mapToLong(Duration::toMillis).average().orElseThrow()).isBetween(300.0, 500.0);
    }

    @Test
    void retryAfterWinsWhenLongerAndIsRefusedWhenTooLong() {
        RetryPolicy policy = withJitter(0.5);
        assertThat(policy.delayBeforeRetry(1, Optional.empty())).contains(Duration.ofMillis(50));
        assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(1)))).contains(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ZERO))).contains(Duration.ofMillis(50));
        assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(20)))).contains(Duration.ofSeconds(20));
        assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(21)))).isEmpty();
    }

    @Test
    void retryAfterHeaderValues() {
        Instant now = Instant.parse("2026-03-04T05:06:07Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        assertThat(RetryRules.retryAfter("1", clock)).contains(Duration.ofSeconds(1));
        assertThat(RetryRules.retryAfter(" 120 ", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryRules.retryAfter("Wed, 04 Mar 2026 05:06:17 GMT", clock)).contains(Duration.ofSeconds(10));
        assertThat(RetryRules.retryAfter("Wed, 04 Mar 2026 05:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryRules.retryAfter("99999999999999999999", clock)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(300)));
        assertThat(RetryRules.retryAfter(null, clock)).isEmpty();
        assertThat(RetryRules.retryAfter("soon", clock)).isEmpty();
        assertThat(RetryRules.retryAfter("-1", clock)).isEmpty();
    }

    @Test
    void whichIoFailuresAreRetried() {
        IOException refused = new ConnectException("Connection refused");
        IOException connectTimeout = new HttpConnectTimeoutException("connect timed out");
        IOException wrappedRefused = new IOException("failed", new ConnectException("refused"));
        IOException requestTimeout = new HttpTimeoutException("request timed out");
        IOException reset = new IOException("Connection reset");

        assertThat(RetryRules.isRetryable(refused, false)).isTrue();
        assertThat(RetryRules.isRetryable(connectTimeout, false)).isTrue();
        assertThat(RetryRules.isRetryable(wrappedRefused, false)).isTrue();
        assertThat(RetryRules.isRetryable(requestTimeout, false)).isFalse();
        assertThat(RetryRules.isRetryable(reset, false)).isFalse();
        assertThat(RetryRules.isRetryable(requestTimeout, true)).isTrue();
        assertThat(RetryRules.isRetryable(reset, true)).isTrue();
    }

    @Test
    void settingsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
