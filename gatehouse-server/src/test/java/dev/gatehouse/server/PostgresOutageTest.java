package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.store.postgres.TcpProxy;
import dev.gatehouse.store.postgres.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * The service on PostgreSQL through a link the test can cut, as a crashed database or a network
 * failure would: while it is cut, every API operation and page answers 503 in its own format with
 * none of the pool's or driver's words ({@link OutageAnswers}), /health says why, and no Logout is
 * acknowledged; once it is back, the service serves again by itself, without a restart.
 */
class PostgresOutageTest {
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOutageIsAnsweredWith503AndTheServiceRecoversByItself() throws Exception {
        String schema = TestPostgres.newSchemaName();
        try (TcpProxy link = new TcpProxy(TestPostgres.targetHost(), TestPostgres.targetPort()).start();
             PostgresInstance instance = PostgresInstance.start(TestPostgres.jdbcUrlThroughPort(link.port()), schema,
                     TestDirectory.create(), Limits.DEFAULTS)) {
            GatehouseServer server = instance.server();
            try (SsoClient sso = StockSdk.sso(server.baseUrl(), o -> o.retryPolicy(p -> p.numRetries(0)))) {
                String token = instance.accessToken("alice");
                OutageAnswers outage = OutageAnswers.prepare(server.baseUrl(), instance.gatehouse());
                assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
                assertThat(health(server).statusCode()).isEqualTo(200);

                link.cut();

                HttpResponse<String> down = health(server);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"reason\":\"PostgreSQL unreachable\"")
                        .as("the driver's words stay in the log").doesNotContain("Connection").doesNotContain("refused");
                assertThatThrownBy(() -> sso.logout(r -> r.accessToken(token)))
                        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
                outage.assertAllUnavailable();

                link.start();

                awaitUntil(() -> health(server).statusCode() == 200);
                assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList())
                        .as("the Logout refused during the outage did not happen").hasSize(3);
                sso.logout(r -> r.accessToken(token));
                assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token)))
                        .isInstanceOf(UnauthorizedException.class);
            }
        } finally {
            TestPostgres.dropSchemas(List.of(schema));
        }
    }

    private HttpResponse<String> health(GatehouseServer server) {
        try {
            return http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET /health failed", e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("recovered in time").isLessThan(RECOVERY_DEADLINE);
            Thread.sleep(200);
        }
        System.err.printf("Service available again %d ms after the database link came back%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
