package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.AddressRange;
import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;

/**
 * The per-token and per-address rate limits, as the stock AWS SDK sees them. The SDK clients of
 * {@link TestService} use the URLConnection client, whose default timeouts (2 s connect, 30 s read)
 * bound every call; the class timeout is the backstop.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RateLimitTest {
    private static final int BURST = 30;

    @TempDir
    Path dataDir;
    TestService service;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** The outcome of a burst: how many calls went through and the throttling errors of the others. */
    private record Burst(int succeeded, List<TooManyRequestsException> throttled, long nanos) {
    }

    private static Burst burst(SsoClient sso, List<String> tokens, int calls) {
        int ok = 0;
        List<TooManyRequestsException> throttled = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            String token = tokens.get(i % tokens.size());
            try {
                sso.listAccounts(r -> r.accessToken(token));
                ok++;
            } catch (TooManyRequestsException e) {
                throttled.add(e);
            }
        }
        return new Burst(ok, throttled, System.nanoTime() - start);
    }

    /** At most capacity + refill over the elapsed time (+1 for the refill in progress) may pass. */
    private static long allowed(long capacity, long refillPerSecond, long nanos) {
        return capacity + refillPerSecond * (TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
    }

    private static void assertThrottled(TooManyRequestsException e) {
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank().containsIgnoringCase("rate");
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.requestId()).isNotBlank();
    }

    @Test
    void perTokenLimitThrottlesOneTokenAndNotAnother() {
        service = new TestService(dataDir, new Limits(new RateLimit(5, 1), RateLimit.OFF, 1024));
        SsoClient sso = closeLater(service.sdkClientWithoutRetries());
        String tokenA = service.signIn("alice");
        String tokenB = service.signIn("alice");

        Burst burst = burst(sso, List.of(tokenA), BURST);

        assertThat(burst.throttled()).isNotEmpty();
        assertThat(burst.succeeded()).isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((int) Math.min(BURST, allowed(5, 1, burst.nanos())));
        burst.throttled().forEach(RateLimitTest::assertThrottled);
        assertThat(burst.throttled().getFirst().awsErrorDetails().errorMessage()).contains("access token");

        // token B has its own bucket, even though A's is empty right now
        assertThat(sso.listAccounts(r -> r.accessToken(tokenB)).accountList()).hasSize(3);
        assertThat(sso.listAccountRoles(r -> r.accessToken(tokenB).accountId(TestDirectory.PROD)).roleList()).hasSize(2);
    }

    @Test
    void perAddressLimitThrottlesAcrossTokensButNotHealth() throws Exception {
        service = new TestService(dataDir, new Limits(RateLimit.OFF, new RateLimit(5, 1), 1024));
        SsoClient sso = closeLater(service.sdkClientWithoutRetries());
        List<String> tokens = List.of(service.signIn("alice"), service.signIn("bob"), service.signIn("many"));

        Burst burst = burst(sso, tokens, BURST);

        assertThat(burst.throttled()).isNotEmpty();
        assertThat(burst.succeeded()).isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((int) Math.min(BURST, allowed(5, 1, burst.nanos())));
        burst.throttled().forEach(RateLimitTest::assertThrottled);
        assertThat(burst.throttled().getFirst().awsErrorDetails().errorMessage()).contains("address");

        // the bucket of 127.0.0.1 is (nearly) empty now, yet /health answers every time
        HttpClient http = closeLater(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        HttpRequest health = HttpRequest.newBuilder(service.baseUrl().resolve("/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("health call %d", i).isEqualTo(200);
        }
        // ... and the API is still throttled right after (proves the bucket really was empty)
        Burst after = burst(sso, tokens, 10);
        assertThat(after.throttled()).isNotEmpty();
    }

    /** Counts the HTTP responses the SDK got, i.e. the requests the server answered. */
    private static final class ResponseCounter implements ExecutionInterceptor {
        final AtomicInteger responses = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            responses.incrementAndGet();
            if (context.httpResponse().statusCode() == 429) {
                throttled.incrementAndGet();
            }
        }
    }

    @Test
    void standardRetryModeRetriesA429() {
        service = new TestService(dataDir, new Limits(new RateLimit(2, 1), RateLimit.OFF, 1024));
        ResponseCounter counter = new ResponseCounter();
        // as TestService.sdkClient() (standard retry mode, 3 attempts), plus a counting interceptor
        SsoClient sso = closeLater(service.sdkClient(o -> o.retryPolicy(RetryMode.STANDARD)
                .apiCallTimeout(Duration.ofSeconds(30))
                .addExecutionInterceptor(counter)));
        String token = service.signIn("alice");

        int calls = 0;
        int surfaced = 0;
        // call until one call has met a 429 (the bucket holds 2, so the third at the latest)
        while (counter.throttled.get() == 0 && calls < BURST) {
            calls++;
            try {
                sso.listAccounts(r -> r.accessToken(token));
            } catch (TooManyRequestsException e) {
                assertThrottled(e);
                surfaced++;
            }
        }

        assertThat(counter.throttled.get()).as("a 429 was met").isPositive();
        // without retries every call is exactly one request; a retried 429 makes at least one more
        assertThat(counter.responses.get()).as("requests the server answered, for %d SDK calls", calls)
                .isGreaterThan(calls);
        // a call that still failed did so only after all 3 attempts were throttled
        assertThat(counter.throttled.get()).isGreaterThanOrEqualTo(3 * surfaced);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() throws Exception {
        var trusted = List.of(AddressRange.parse("127.0.0.1").orElseThrow());
        service = new TestService(dataDir, new Limits(RateLimit.OFF, new RateLimit(3, 1), 1024, trusted));
        String token = service.signIn("alice");
        assertThat(statuses(token, "203.0.113.7", 4)).containsExactly(200, 200, 200, 429);
        assertThat(statuses(token, "203.0.113.8", 1)).as("another client behind the proxy").containsExactly(200);
        assertThat(statuses(token, "203.0.113.8, 127.0.0.1", 3))
                .as("a trusted hop on the right is skipped").containsExactly(200, 200, 429);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        service = new TestService(dataDir, new Limits(RateLimit.OFF, new RateLimit(3, 1), 1024));
        String token = service.signIn("alice");
        assertThat(statuses(token, "203.0.113.7", 3)).containsExactly(200, 200, 200);
        assertThat(statuses(token, "203.0.113.9", 1)).as("a client cannot pick its own bucket").containsExactly(429);
    }

    private List<Integer> statuses(String token, String forwardedFor, int count) throws Exception {
        HttpClient http = closeLater(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        HttpRequest request = HttpRequest.newBuilder(service.baseUrl().resolve("/assignment/accounts"))
                .timeout(Duration.ofSeconds(10)).header("x-amz-sso_bearer_token", token)
                .header("X-Forwarded-For", forwardedFor).GET().build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }
}
