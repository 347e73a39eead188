package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.AccessDeniedException;
import dev.gatehouse.client.ssooidc.model.AuthorizationPendingException;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.ExpiredTokenException;
import dev.gatehouse.client.ssooidc.model.InternalServerException;
import dev.gatehouse.client.ssooidc.model.InvalidClientException;
import dev.gatehouse.client.ssooidc.model.InvalidClientMetadataException;
import dev.gatehouse.client.ssooidc.model.InvalidGrantException;
import dev.gatehouse.client.ssooidc.model.InvalidRedirectUriException;
import dev.gatehouse.client.ssooidc.model.InvalidRequestException;
import dev.gatehouse.client.ssooidc.model.InvalidScopeException;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.SlowDownException;
import dev.gatehouse.client.ssooidc.model.SsoOidcServiceException;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import dev.gatehouse.client.ssooidc.model.UnauthorizedClientException;
import dev.gatehouse.client.ssooidc.model.UnsupportedGrantTypeException;
import dev.gatehouse.client.support.Fixture;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Reply;
import dev.gatehouse.client.support.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each SSO OIDC error, as a real Gatehouse raises it (type only in {@code x-amzn-ErrorType}, in the
 * {@code Name:namespace} form, OAuth body), becomes exactly its own exception class.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SsoOidcErrorsTest {
    @TempDir
    Path dataDir;
    Fixture fx;

    @BeforeEach
    void start() {
        fx = new Fixture(dataDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static <E extends SsoOidcServiceException> E expect(ThrowingCallable call, Class<E> type, int status, String error) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(thrown.getClass()).as("class of %s", thrown).isEqualTo(type);
        E e = type.cast(thrown);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(type.getSimpleName());
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.errorMessage()).isNotBlank();
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.fault()).isEqualTo(status >= 500 ? Fault.SERVER : Fault.CLIENT);
        return e;
    }

    static <E extends SsoOidcServiceException> E expect(ThrowingCallable call, Class<E> type, String error) {
        return expect(call, type, 400, error);
    }

    private RegisterClientOutput register(RegisterClientInput.Builder input) {
        return fx.oidc.send(new RegisterClientCommand(input.build()));
    }

    @Test
    void deviceFlowErrors() {
        RegisterClientOutput client = fx.registerDeviceClient();

        StartDeviceAuthorizationOutput pending = fx.start(client);
        expect(() -> fx.poll(client, pending.deviceCode()), AuthorizationPendingException.class, "authorization_pending");
        expect(() -> fx.poll(client, pending.deviceCode()), AuthorizationPendingException.class, "authorization_pending");

        // the third poll without waiting the interval: slow_down, surfaced at once, never retried
        fx.http.reset();
        SlowDownException slow = expect(() -> fx.poll(client, pending.deviceCode()), SlowDownException.class, "slow_down");
        assertThat(slow.attempts()).isEqualTo(1);
        assertThat(fx.http.sent()).isEqualTo(1);
        assertThat(fx.sleeper.sleeps()).isEmpty();

        StartDeviceAuthorizationOutput denied = fx.start(client);
        fx.service.gatehouse.deviceAuthorizations().deny(denied.userCode());
        expect(() -> fx.poll(client, denied.deviceCode()), AccessDeniedException.class, "access_denied");

        StartDeviceAuthorizationOutput approved = fx.start(client);
        fx.service.gatehouse.deviceAuthorizations().approve(approved.userCode(), fx.service.session("alice"));
        assertThat(fx.poll(client, approved.deviceCode()).accessToken()).startsWith("ghat_");
        expect(() -> fx.poll(client, approved.deviceCode()), InvalidGrantException.class, "invalid_grant");

        StartDeviceAuthorizationOutput expiring = fx.start(client);
        fx.service.clock.advance(Duration.ofMinutes(11));
        expect(() -> fx.poll(client, expiring.deviceCode()), ExpiredTokenException.class, "expired_token");
    }

    @Test
    void clientErrors() {
        RegisterClientOutput client = fx.registerDeviceClient();

        InvalidClientException invalidClient = expect(() -> fx.oidc.send(new StartDeviceAuthorizationCommand(
                        StartDeviceAuthorizationInput.of(client.clientId(), "ghcs_" + "B".repeat(64), fx.startUrl()))),
                InvalidClientException.class, 401, "invalid_client");
        assertThat(invalidClient.getMessage()).doesNotContain("B".repeat(64));

        expect(() -> fx.oidc.send(new CreateTokenCommand(CreateTokenInput.authorizationCode(client.clientId(),
                        client.clientSecret(), "code", "http://127.0.0.1:5555/oauth/callback", "v".repeat(64)))),
                UnauthorizedClientException.class, "unauthorized_client");
        expect(() -> fx.oidc.send(new CreateTokenCommand(CreateTokenInput.builder().clientId(client.clientId())
                        .clientSecret(client.clientSecret()).grantType("password").build())),
                UnsupportedGrantTypeException.class, "unsupported_grant_type");
    }

    @Test
    void registrationErrors() {
        expect(() -> register(RegisterClientInput.builder().clientName("")), InvalidRequestException.class, "invalid_request");
        expect(() -> register(RegisterClientInput.builder().clientName("c").clientType("confidential")),
                InvalidClientMetadataException.class, "invalid_client_metadata");
        expect(() -> register(RegisterClientInput.builder().clientName("c").scopes("not a scope!")),
                InvalidScopeException.class, "invalid_scope");
        expect(() -> register(RegisterClientInput.builder().clientName("c").grantTypes("authorization_code")
                        .redirectUris("https://example.com/callback")),
                InvalidRedirectUriException.class, "invalid_redirect_uri");
        expect(() -> register(RegisterClientInput.builder().clientName("c").grantTypes("password")),
                UnsupportedGrantTypeException.class, "unsupported_grant_type");
    }

    @Test
    void internalServerErrorIsAServerFaultRetriedBeforeItSurfaces() {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (LocalServer server = LocalServer.start(Reply.error(500,
                "InternalServerException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/",
                "{\"error\":\"server_error\",\"error_description\":\"Something broke\"}"));
             SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(server.baseUrl())
                     .retryPolicy(RetryPolicy.builder().sleeper(sleeper).build()).build()) {
            InternalServerException e = expect(() -> oidc.send(new RegisterClientCommand(
                            RegisterClientInput.forDeviceFlow("c", java.util.List.of()))),
                    InternalServerException.class, 500, "server_error");
            assertThat(e.errorMessage()).isEqualTo("Something broke");
            assertThat(e.fault()).isEqualTo(Fault.SERVER);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(server.requests()).hasSize(3);
            assertThat(sleeper.sleeps()).hasSize(2);
        }
    }

    @Test
    void anUnmodeledErrorIsTheBaseClassWithItsCode() {
        try (LocalServer server = LocalServer.start(Reply.error(400, "InvalidRequestRegionException",
                "{\"error\":\"invalid_request\",\"error_description\":\"Wrong region\",\"region\":\"eu-west-1\"}"));
             SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(server.baseUrl()).build()) {
            Throwable thrown = catchThrowable(() -> oidc.send(new RegisterClientCommand(
                    RegisterClientInput.forDeviceFlow("c", java.util.List.of()))));
            assertThat(thrown).isExactlyInstanceOf(SsoOidcServiceException.class);
            SsoOidcServiceException e = (SsoOidcServiceException) thrown;
            assertThat(e.errorCode()).isEqualTo("InvalidRequestRegionException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("invalid_request");
            assertThat(e.errorMessage()).isEqualTo("Wrong region");
            assertThat(e.fault()).isEqualTo(Fault.CLIENT);
            assertThat(e.details().members()).containsEntry("region", "eu-west-1");
        }
    }

    @Test
    void slowDownIsNeverRetriedEvenAsA503() {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (LocalServer server = LocalServer.start(Reply.error(503, "SlowDownException",
                "{\"error\":\"slow_down\",\"error_description\":\"Slow down\"}"));
             SsoOidcClient oidc = SsoOidcClient.builder().endpointOverride(server.baseUrl())
                     .retryPolicy(RetryPolicy.builder().sleeper(sleeper).build()).build()) {
            assertThatThrownBy(() -> oidc.send(new CreateTokenCommand(CreateTokenInput.deviceCode("c", "s", "d"))))
                    .isExactlyInstanceOf(SlowDownException.class);
            assertThat(server.requests()).hasSize(1);
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }
}
