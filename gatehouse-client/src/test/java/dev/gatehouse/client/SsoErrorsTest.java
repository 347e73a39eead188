package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountRolesCommand;
import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.InvalidRequestException;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.ResourceNotFoundException;
import dev.gatehouse.client.sso.model.SsoServiceException;
import dev.gatehouse.client.sso.model.TooManyRequestsException;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import dev.gatehouse.client.support.Fixture;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Reply;
import dev.gatehouse.client.support.RecordingSleeper;
import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each access-portal error, as a real Gatehouse raises it, becomes the right exception with its details. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SsoErrorsTest {
    @TempDir
    Path dataDir;
    Fixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** The call fails with exactly {@code type}; status, code, message, request id and fault are checked. */
    static <E extends SsoServiceException> E expect(ThrowingCallable call, Class<E> type, int status, String code) {
        E e = catchThrowableOfType(SsoServiceException.class, call) instanceof SsoServiceException s
                && s.getClass() == type ? type.cast(s) : null;
        if (e == null) {
            Throwable actual = catchThrowableOfType(Throwable.class, call);
            throw new AssertionError("expected exactly " + type.getSimpleName() + ", got " + actual, actual);
        }
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isNotBlank();
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.fault()).isEqualTo(Fault.CLIENT);
        assertThat(e.getMessage()).contains(code).contains(String.valueOf(status)).contains(e.requestId());
        return e;
    }

    @Test
    void outOfRangeMaxResultsIsInvalidRequest() {
        fx = new Fixture(dataDir);
        String token = fx.service.signIn("alice");
        InvalidRequestException e = expect(() -> fx.sso.send(new ListAccountsCommand(
                        ListAccountsInput.builder().accessToken(token).maxResults(0).build())),
                InvalidRequestException.class, 400, "InvalidRequestException");
        assertThat(e.errorMessage()).contains("maxResults");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(fx.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aMissingBearerTokenIsInvalidRequest() {
        fx = new Fixture(dataDir);
        expect(() -> fx.sso.send(new LogoutCommand(LogoutInput.of(""))),
                InvalidRequestException.class, 400, "InvalidRequestException");
    }

    @Test
    void anUnknownTokenIsUnauthorizedOnEveryOperation() {
        fx = new Fixture(dataDir);
        String bogus = "ghat_" + "A".repeat(64);
        expect(() -> fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(bogus))),
                UnauthorizedException.class, 401, "UnauthorizedException");
        expect(() -> fx.sso.send(new ListAccountRolesCommand(ListAccountRolesInput.of(bogus, TestDirectory.PROD))),
                UnauthorizedException.class, 401, "UnauthorizedException");
        expect(() -> fx.sso.send(new GetRoleCredentialsCommand(
                        GetRoleCredentialsInput.of(bogus, TestDirectory.PROD, "AdministratorAccess"))),
                UnauthorizedException.class, 401, "UnauthorizedException");
        UnauthorizedException logout = expect(() -> fx.sso.send(new LogoutCommand(LogoutInput.of(bogus))),
                UnauthorizedException.class, 401, "UnauthorizedException");
        assertThat(logout.getMessage()).doesNotContain(bogus);
    }

    @Test
    void anUnassignedAccountIsTheUnmodeledForbiddenException() {
        fx = new Fixture(dataDir);
        String token = fx.service.signIn("bob");
        SsoServiceException roles = expect(() -> fx.sso.send(new ListAccountRolesCommand(
                ListAccountRolesInput.of(token, TestDirectory.PROD))), SsoServiceException.class, 403, "ForbiddenException");
        assertThat(roles.errorMessage()).isEqualTo("No access");
        expect(() -> fx.sso.send(new GetRoleCredentialsCommand(
                        GetRoleCredentialsInput.of(token, TestDirectory.DEV, "AdministratorAccess"))),
                SsoServiceException.class, 403, "ForbiddenException");
    }

    @Test
    void throttlingSurfacesAsTooManyRequestsOnlyAfterThreeAttempts() {
        fx = new Fixture(dataDir, new Limits(new RateLimit(2, 1), RateLimit.OFF, 1024));
        String token = fx.service.signIn("alice");

        TooManyRequestsException throttled = null;
        int sentForThatCall = 0;
        // the bucket holds 2 and the sleeper does not sleep, so the third call's three attempts all meet a 429
        for (int call = 0; call < 10 && throttled == null; call++) {
            fx.http.reset();
            fx.sleeper.clear();
            try {
                fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(token)));
            } catch (TooManyRequestsException e) {
                throttled = e;
                sentForThatCall = fx.http.sent();
            }
        }

        assertThat(throttled).as("a call was throttled").isNotNull();
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("TooManyRequestsException");
        assertThat(throttled.errorMessage()).contains("Rate exceeded");
        assertThat(throttled.fault()).isEqualTo(Fault.CLIENT);
        assertThat(throttled.requestId()).isNotBlank();
        assertThat(throttled.attempts()).isEqualTo(3);
        assertThat(sentForThatCall).as("HTTP requests of the throttled call").isEqualTo(3);
        assertThat(throttled.getMessage()).contains("after 3 attempts");
        // the service sends Retry-After: 1, and each wait honoured it
        assertThat(fx.sleeper.sleeps()).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void resourceNotFoundIsMappedAndNotRetried() {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (LocalServer server = LocalServer.start(Reply.error(404, "ResourceNotFoundException",
                "{\"message\":\"The account does not exist\"}"));
             SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl())
                     .retryPolicy(RetryPolicy.builder().sleeper(sleeper).build()).build()) {
            ResourceNotFoundException e = expect(() -> sso.send(new ListAccountRolesCommand(
                    ListAccountRolesInput.of("t", "123456789012"))), ResourceNotFoundException.class, 404,
                    "ResourceNotFoundException");
            assertThat(e.errorMessage()).isEqualTo("The account does not exist");
            assertThat(e.requestId()).isEqualTo("req-404");
            assertThat(server.requests()).hasSize(1);
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }
}
