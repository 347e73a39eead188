package dev.gatehouse.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.gatehouse.server.oidc.OidcFixture.expectError;

import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The device authorization flow and refresh-token rotation as the stock AWS SDK for Java v2 sees
 * them: RegisterClient, StartDeviceAuthorization, CreateToken polling, and the access token working
 * against the access portal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcSdkTest {
    @TempDir
    Path dataDir;
    OidcFixture fx;

    @BeforeEach
    void start() {
        fx = new OidcFixture(dataDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void deviceFlowEndToEnd() {
        Instant now = fx.service.clock.instant();
        RegisterClientResponse client = fx.registerDeviceClient();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecret()).startsWith("ghcs_");
        assertThat(client.clientIdIssuedAt()).isEqualTo(now.getEpochSecond());
        assertThat(client.clientSecretExpiresAt()).isEqualTo(now.plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(client.authorizationEndpoint()).isEqualTo(fx.base() + "/authorize");
        assertThat(client.tokenEndpoint()).isEqualTo(fx.base() + "/token");

        StartDeviceAuthorizationResponse started = fx.start(client);
        assertThat(started.deviceCode()).startsWith("ghdc_");
        assertThat(started.userCode()).matches("[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}");
        assertThat(started.verificationUri()).isEqualTo(fx.base() + "/device");
        assertThat(started.verificationUriComplete()).isEqualTo(fx.base() + "/device?user_code=" + started.userCode())
                .contains(started.userCode());
        assertThat(started.expiresIn()).isEqualTo(600);
        assertThat(started.interval()).isEqualTo(1);

        expectError(() -> fx.poll(client, started.deviceCode()), AuthorizationPendingException.class, "authorization_pending");

        fx.service.gatehouse.deviceAuthorizations().approve(started.userCode(), fx.service.session("alice"));
        CreateTokenResponse tokens = fx.poll(client, started.deviceCode());
        assertThat(tokens.accessToken()).startsWith("ghat_");
        assertThat(tokens.refreshToken()).startsWith("ghrt_");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.idToken()).isNull();

        assertThat(fx.sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .extracting(AccountInfo::accountId)
                .containsExactly(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX);

        expectError(() -> fx.poll(client, started.deviceCode()), InvalidGrantException.class, "invalid_grant");
    }

    @Test
    void expiresInIsCutShortByTheEndOfTheSignInSession() {
        RegisterClientResponse client = fx.registerDeviceClient();
        SignInSession session = fx.service.session("alice");
        fx.service.clock.advance(Duration.ofHours(7).plusMinutes(30));
        CreateTokenResponse tokens = fx.deviceSignIn(client, session);
        // the store keeps instants to the millisecond and seconds are rounded down: 1799 or 1800
        assertThat(tokens.expiresIn()).isBetween(1799, 1800);
    }

    @Test
    void deniedIsAccessDenied() {
        RegisterClientResponse client = fx.registerDeviceClient();
        StartDeviceAuthorizationResponse started = fx.start(client);
        fx.service.gatehouse.deviceAuthorizations().deny(started.userCode());
        expectError(() -> fx.poll(client, started.deviceCode()), AccessDeniedException.class, "access_denied");
    }

    @Test
    void anUnapprovedDeviceCodeExpires() {
        RegisterClientResponse client = fx.registerDeviceClient();
        StartDeviceAuthorizationResponse started = fx.start(client);
        fx.service.clock.advance(Duration.ofMinutes(9));
        assertThatThrownBy(() -> fx.poll(client, started.deviceCode())).isInstanceOf(AuthorizationPendingException.class);
        fx.service.clock.advance(Duration.ofMinutes(2));
        expectError(() -> fx.poll(client, started.deviceCode()), ExpiredTokenException.class, "expired_token");
    }

    @Test
    void pollingFasterThanTheIntervalAfterTheFirstTwoPollsIsSlowDown() {
        RegisterClientResponse client = fx.registerDeviceClient();
        StartDeviceAuthorizationResponse started = fx.start(client);
        // the CLI's first two polls come back to back: both are tolerated
        assertThatThrownBy(() -> fx.poll(client, started.deviceCode())).isInstanceOf(AuthorizationPendingException.class);
        assertThatThrownBy(() -> fx.poll(client, started.deviceCode())).isInstanceOf(AuthorizationPendingException.class);
        expectError(() -> fx.poll(client, started.deviceCode()), SlowDownException.class, "slow_down");

        fx.service.clock.advance(Duration.ofSeconds(started.interval()));
        assertThatThrownBy(() -> fx.poll(client, started.deviceCode())).isInstanceOf(AuthorizationPendingException.class);
        assertThatThrownBy(() -> fx.poll(client, started.deviceCode())).isInstanceOf(SlowDownException.class);

        fx.service.clock.advance(Duration.ofSeconds(started.interval()));
        fx.service.gatehouse.deviceAuthorizations().approve(started.userCode(), fx.service.session("alice"));
        assertThat(fx.poll(client, started.deviceCode()).accessToken()).startsWith("ghat_");
    }

    @Test
    void refreshRotatesAndReuseEndsTheWholeSignInSession() {
        RegisterClientResponse client = fx.registerDeviceClient();
        CreateTokenResponse first = fx.deviceSignIn(client, "alice");

        CreateTokenResponse second = fx.refresh(client, first.refreshToken());
        assertThat(second.accessToken()).startsWith("ghat_").isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).startsWith("ghrt_").isNotEqualTo(first.refreshToken());
        assertThat(second.expiresIn()).isEqualTo(3600);
        assertThat(second.tokenType()).isEqualTo("Bearer");
        assertThat(fx.sso.listAccounts(r -> r.accessToken(second.accessToken())).accountList()).hasSize(3);

        CreateTokenResponse third = fx.refresh(client, second.refreshToken());
        assertThat(fx.sso.listAccounts(r -> r.accessToken(third.accessToken())).accountList()).hasSize(3);

        // the spent first refresh token comes back: it was copied, so the sign-in session ends
        expectError(() -> fx.refresh(client, first.refreshToken()), InvalidGrantException.class, "invalid_grant");
        assertThatThrownBy(() -> fx.sso.listAccounts(r -> r.accessToken(third.accessToken())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> fx.refresh(client, third.refreshToken())).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void reuseEndsOnlyThatSignInSession() {
        RegisterClientResponse client = fx.registerDeviceClient();
        CreateTokenResponse mine = fx.deviceSignIn(client, "alice");
        CreateTokenResponse other = fx.deviceSignIn(client, "alice");
        fx.refresh(client, mine.refreshToken());
        assertThatThrownBy(() -> fx.refresh(client, mine.refreshToken())).isInstanceOf(InvalidGrantException.class);

        assertThat(fx.sso.listAccounts(r -> r.accessToken(other.accessToken())).accountList()).hasSize(3);
        assertThat(fx.refresh(client, other.refreshToken()).accessToken()).startsWith("ghat_");
    }

    @Test
    void aRefreshTokenIsGoodOnlyForItsOwnClient() {
        RegisterClientResponse client = fx.registerDeviceClient();
        RegisterClientResponse stranger = fx.registerDeviceClient();
        CreateTokenResponse tokens = fx.deviceSignIn(client, "alice");
        assertThatThrownBy(() -> fx.refresh(stranger, tokens.refreshToken())).isInstanceOf(InvalidGrantException.class);
        assertThat(fx.refresh(client, tokens.refreshToken()).accessToken()).startsWith("ghat_");
    }

    @Test
    void afterLogoutTheRefreshTokenIsAnInvalidGrant() {
        RegisterClientResponse client = fx.registerDeviceClient();
        CreateTokenResponse tokens = fx.deviceSignIn(client, "alice");

        fx.sso.logout(r -> r.accessToken(tokens.accessToken()));

        expectError(() -> fx.refresh(client, tokens.refreshToken()), InvalidGrantException.class, "invalid_grant");
        assertThatThrownBy(() -> fx.sso.listAccounts(r -> r.accessToken(tokens.accessToken())))
                .isInstanceOf(UnauthorizedException.class);
    }
}
