package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.InvalidRequestException;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.SsoServiceException;
import dev.gatehouse.client.sso.model.TooManyRequestsException;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Recorded;
import dev.gatehouse.client.support.LocalServer.Reply;
import dev.gatehouse.client.support.RecordingSleeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retries over real HTTP, against a tiny scripted server, with a sleeper that records instead of
 * sleeping and a fixed jitter of 0.5 (so each backoff is half its ceiling: 50 ms, then 100 ms).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetryTest {
    private static final String PAGE = "{\"accountList\":[{\"accountId\":\"111111111111\",\"accountName\":\"P\","
            + "\"emailAddress\":\"p@example.com\"}]}";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    final RecordingSleeper sleeper = new RecordingSleeper();
    final RetryPolicy policy = RetryPolicy.builder().sleeper(sleeper).jitter(() -> 0.5)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    LocalServer server;
    SsoClient sso;

    @AfterEach
    void stop() {
        if (sso != null) {
            sso.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SsoClient sso(Reply... script) {
        server = LocalServer.start(script);
        sso = SsoClient.builder().endpointOverride(server.baseUrl()).retryPolicy(policy).build();
        return sso;
    }

    private static ListAccountsCommand listAccounts() {
        return new ListAccountsCommand(ListAccountsInput.of("token"));
    }

    private static Reply unavailable() {
        return Reply.error(503, "ServiceUnavailableException", "{\"message\":\"try later\"}");
    }

    @Test
    void twoServiceUnavailableThenSuccess() {
        ListAccountsOutput output = sso(unavailable(), unavailable(), Reply.ok(PAGE)).send(listAccounts());

        assertThat(output.accountList()).hasSize(1);
        assertThat(server.requests()).hasSize(3);
        // exponential backoff with full jitter: 0.5 × 100 ms, then 0.5 × 200 ms
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        // every attempt is the same request, numbered
        List<Recorded> requests = server.requests();
        assertThat(requests).extracting(r -> r.header("amz-sdk-request"))
                .containsExactly("attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3");
        assertThat(requests).extracting(r -> r.header("amz-sdk-invocation-id")).doesNotContainNull().containsOnly(
                requests.getFirst().header("amz-sdk-invocation-id"));
        assertThat(requests).extracting(r -> r.header("x-amz-sso_bearer_token")).containsOnly("token");
    }

    @Test
    void aBadRequestIsNotRetried() {
        sso(Reply.error(400, "InvalidRequestException", "{\"message\":\"bad\"}"), Reply.ok(PAGE));

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> sso.send(listAccounts()));

        assertThat(e).isNotNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void eachRetryableStatusIsRetried() {
        for (int status : new int[] {500, 502, 503, 504, 429}) {
            sleeper.clear();
            sso(Reply.json(status, "{}"), Reply.ok(PAGE));
            assertThat(sso.send(listAccounts()).accountList()).as("status %d", status).hasSize(1);
            assertThat(server.requests()).as("status %d", status).hasSize(2);
            stop();
        }
        for (int status : new int[] {400, 401, 403, 404, 409, 501}) {
            sso(Reply.json(status, "{}"), Reply.ok(PAGE));
            SsoServiceException e = catchThrowableOfType(SsoServiceException.class, () -> sso.send(listAccounts()));
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.errorCode()).isNull();
            assertThat(e.fault()).isEqualTo(status >= 500 ? Fault.SERVER : Fault.CLIENT);
            assertThat(server.requests()).as("status %d", status).hasSize(1);
            stop();
        }
    }

    @Test
    void throttlingByErrorCodeIsRetriedWhateverTheStatus() {
        sso(Reply.error(400, "TooManyRequestsException", "{\"message\":\"slow\"}"), Reply.ok(PAGE));
        assertThat(sso.send(listAccounts()).accountList()).hasSize(1);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void throttledEveryTimeSurfacesAfterMaxAttemptsHonouringRetryAfter() {
        sso(Reply.error(429, "TooManyRequestsException", "{\"message\":\"Rate exceeded\"}").withHeader("Retry-After", "2"));

        TooManyRequestsException e = catchThrowableOfType(TooManyRequestsException.class, () -> sso.send(listAccounts()));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.requestId()).isEqualTo("req-429");
        assertThat(server.requests()).hasSize(3);
        // Retry-After (2 s) is longer than the backoff: it wins
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atOffset(ZoneOffset.UTC));
        sso(unavailable().withHeader("Retry-After", at), Reply.ok(PAGE));
        sso.send(listAccounts());
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumBackoffIsNotWaitedFor() {
        sso(unavailable().withHeader("Retry-After", "3600"), Reply.ok(PAGE));

        SsoServiceException e = catchThrowableOfType(SsoServiceException.class, () -> sso.send(listAccounts()));

        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.fault()).isEqualTo(Fault.SERVER);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void maxAttemptsOneTurnsRetriesOff() {
        server = LocalServer.start(unavailable(), Reply.ok(PAGE));
        sso = SsoClient.builder().endpointOverride(server.baseUrl()).retryPolicy(policy).maxAttempts(1).build();
        assertThatThrownBy(() -> sso.send(listAccounts())).isInstanceOf(SsoServiceException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void logoutIsRetriedLikeAnyPortalCall() {
        sso(unavailable(), Reply.json(200, ""));
        sso.send(new LogoutCommand(LogoutInput.of("token")));
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r.path()).isEqualTo("/logout"));
    }

    @Test
    void aRefusedConnectionIsRetriedThenAClientException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (SsoClient closed = SsoClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .retryPolicy(policy).build()) {
            GatehouseClientException e = catchThrowableOfType(GatehouseClientException.class,
                    () -> closed.send(listAccounts()));
            assertThat(e).isNotNull();
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage()).contains("ListAccounts").contains("127.0.0.1:" + port);
            assertThat(sleeper.sleeps()).hasSize(2);
        }
    }

    @Test
    void aTimeoutIsRetriedForPortalCallsButNotForCreateToken() {
        Reply slow = Reply.ok(PAGE).delayed(Duration.ofSeconds(3));
        server = LocalServer.start(slow);
        try (SsoClient portal = SsoClient.builder().endpointOverride(server.baseUrl()).retryPolicy(policy)
                .requestTimeout(Duration.ofMillis(300)).build()) {
            GatehouseClientException e = catchThrowableOfType(GatehouseClientException.class,
                    () -> portal.send(listAccounts()));
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(server.requests()).hasSize(3);
        }
        server.close();

        // a CreateToken that may have reached the service is never sent twice: its codes are single-use
        server = LocalServer.start(slow);
        try (SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(server.baseUrl()).retryPolicy(policy)
                .requestTimeout(Duration.ofMillis(300)).build()) {
            GatehouseClientException e = catchThrowableOfType(GatehouseClientException.class,
                    () -> oidc.send(new CreateTokenCommand(CreateTokenInput.refreshToken("c", "s", "r"))));
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void createTokenIsRetriedOnA503TheServiceDidNotDoIt() {
        server = LocalServer.start(Reply.error(503, "ServiceUnavailableException", "{}"),
                Reply.ok("{\"accessToken\":\"a\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}"));
        try (SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(server.baseUrl()).retryPolicy(policy).build()) {
            assertThat(oidc.send(new CreateTokenCommand(CreateTokenInput.deviceCode("c", "s", "d"))).expiresIn())
                    .isEqualTo(3600);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void interruptedWhileWaitingToRetry() {
        server = LocalServer.start(unavailable(), Reply.ok(PAGE));
        RetryPolicy interrupting = policy.toBuilder().sleeper(d -> {
            throw new InterruptedException();
        }).build();
        try (SsoClient client = SsoClient.builder().endpointOverride(server.baseUrl()).retryPolicy(interrupting).build()) {
            assertThatThrownBy(() -> client.send(listAccounts())).isInstanceOf(GatehouseClientException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
        }
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsAClientExceptionNotRetried() {
        sso(new Reply(200, java.util.Map.of("Content-Type", "text/html"), "<html>proxy</html>", Duration.ZERO));
        GatehouseClientException e = catchThrowableOfType(GatehouseClientException.class, () -> sso.send(listAccounts()));
        assertThat(e.getMessage()).contains("not a JSON object");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anErrorBodyThatIsNotJsonStillGivesTheStatusAndIsRetried() {
        sso(new Reply(502, java.util.Map.of("Content-Type", "text/html"), "<html>bad gateway</html>", Duration.ZERO));
        SsoServiceException e = catchThrowableOfType(SsoServiceException.class, () -> sso.send(listAccounts()));
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(e.getMessage()).startsWith("HTTP 502");
        assertThat(e.attempts()).isEqualTo(3);
    }
}
