package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/** {@code GET /metrics} after real calls with the stock SDK: the counts, their labels, and no secrets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsTest {
    /** Two calls per token at once, then one a second: a third quick call is throttled. */
    private static final Limits TIGHT = new Limits(new RateLimit(2, 1), Limits.DEFAULTS.perAddress(),
            Limits.DEFAULTS.maxInFlight(), List.of());

    @TempDir
    Path dataDir;
    TestService service;

    @BeforeEach
    void start() {
        service = new TestService(dataDir, TIGHT);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void countsOperationsByOutcomeAndGuardRejectionsWithoutSecrets() throws Exception {
        String throttledToken = service.signIn("alice");
        String loggedOutToken = service.signIn("bob");
        int ok = 0;
        int throttled = 0;
        String beforeLogout;
        try (SsoClient sso = service.sdkClientWithoutRetries()) {
            // the bucket refills one a second, so keep calling until the limit answers
            while (throttled == 0 && ok < 20) {
                try {
                    sso.listAccounts(r -> r.accessToken(throttledToken));
                    ok++;
                } catch (TooManyRequestsException e) {
                    throttled++;
                }
            }
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken("not-a-token")))
                    .isInstanceOf(UnauthorizedException.class);
            // signing in wrote already: count what the Logout alone adds
            service.flushAudit();
            beforeLogout = Scrapes.scrape(service.baseUrl()).body();
            sso.logout(r -> r.accessToken(loggedOutToken));
            service.flushAudit();
        }
        assertThat(throttled).isEqualTo(1);

        HttpResponse<String> response = Scrapes.scrape(service.baseUrl());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String metrics = response.body();
        assertThat(Scrapes.value(metrics, "gatehouse_requests_seconds_count{operation=\"ListAccounts\",outcome=\"ok\"}"))
                .isEqualTo(ok);
        assertThat(Scrapes.value(metrics,
                "gatehouse_requests_seconds_count{operation=\"ListAccounts\",outcome=\"TooManyRequestsException\"}"))
                .isEqualTo(1);
        assertThat(Scrapes.value(metrics,
                "gatehouse_requests_seconds_count{operation=\"ListAccounts\",outcome=\"UnauthorizedException\"}"))
                .isEqualTo(1);
        assertThat(Scrapes.value(metrics, "gatehouse_requests_seconds_count{operation=\"Logout\",outcome=\"ok\"}"))
                .isEqualTo(1);
        assertThat(Scrapes.value(metrics, "gatehouse_rejected_total{reason=\"rate_limit_token\"}")).isEqualTo(1);
        assertThat(Scrapes.value(metrics, "gatehouse_rejected_total{reason=\"rate_limit_address\"}")).isZero();
        assertThat(Scrapes.value(metrics, "gatehouse_rejected_total{reason=\"load_shed\"}")).isZero();
        assertThat(Scrapes.value(metrics, "gatehouse_sign_in_total{outcome=\"signed_in\"}")).isZero();
        // the Logout was one durable write on the embedded store, and its audit record one more, from the
        // audit writer's thread (the session's last use is written seconds later, off the request path)
        assertThat(Scrapes.value(metrics, "gatehouse_store_commit_writes_total")
                - Scrapes.value(beforeLogout, "gatehouse_store_commit_writes_total")).isEqualTo(2);
        assertThat(Scrapes.value(metrics, "gatehouse_store_commit_groups_total")
                - Scrapes.value(beforeLogout, "gatehouse_store_commit_groups_total")).isBetween(1.0, 2.0);
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_uptime_seconds",
                "system_cpu_count");
        assertThat(metrics).doesNotContain(throttledToken, loggedOutToken, "not-a-token", "alice", "bob", "127.0.0.1");
    }
}
