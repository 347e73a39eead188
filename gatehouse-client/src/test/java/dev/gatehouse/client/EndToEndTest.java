package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountRolesCommand;
import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.model.AccountInfo;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountRolesOutput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.LogoutOutput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.sso.model.RoleInfo;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.model.AuthorizationPendingException;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.InvalidGrantException;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import dev.gatehouse.client.support.Fixture;
import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation against a real Gatehouse, in the order a person meets them: register, start the
 * device flow, poll (pending), approve, tokens, list accounts and roles, role credentials, refresh,
 * Logout — after which the access token is unauthorized and the refresh token an invalid grant.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EndToEndTest {
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

    @Test
    void deviceFlowThroughLogout() {
        Instant registeredAt = fx.service.clock.instant();
        RegisterClientOutput client = fx.registerDeviceClient();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecret()).startsWith("ghcs_");
        assertThat(client.clientIdIssuedAt()).isEqualTo(Instant.ofEpochSecond(registeredAt.getEpochSecond()));
        assertThat(client.clientSecretExpiresAt())
                .isEqualTo(Instant.ofEpochSecond(registeredAt.plus(Duration.ofDays(90)).getEpochSecond()));
        assertThat(client.authorizationEndpoint()).isEqualTo(fx.service.baseUrl() + "/authorize");
        assertThat(client.tokenEndpoint()).isEqualTo(fx.service.baseUrl() + "/token");

        StartDeviceAuthorizationOutput started = fx.start(client);
        assertThat(started.deviceCode()).startsWith("ghdc_");
        assertThat(started.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(started.verificationUri()).isEqualTo(fx.service.baseUrl() + "/device");
        assertThat(started.verificationUriComplete()).endsWith("/device?user_code=" + started.userCode());
        assertThat(started.expiresIn()).isEqualTo(600);
        assertThat(started.interval()).isEqualTo(1);

        AuthorizationPendingException pending = catchThrowableOfType(AuthorizationPendingException.class,
                () -> fx.poll(client, started.deviceCode()));
        assertThat(pending).isNotNull();
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(pending.errorCode()).isEqualTo("AuthorizationPendingException");
        assertThat(pending.error()).isEqualTo("authorization_pending");
        assertThat(pending.fault()).isEqualTo(Fault.CLIENT);
        assertThat(pending.attempts()).isEqualTo(1);

        fx.service.gatehouse.deviceAuthorizations().approve(started.userCode(), fx.service.session("alice"));
        CreateTokenOutput tokens = fx.poll(client, started.deviceCode());
        assertThat(tokens.accessToken()).startsWith("ghat_");
        assertThat(tokens.refreshToken()).startsWith("ghrt_");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.idToken()).isNull();
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());

        ListAccountsOutput accounts = fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(tokens.accessToken())));
        assertThat(accounts.nextToken()).isNull();
        assertThat(accounts.accountList()).containsExactly(
                new AccountInfo(TestDirectory.PROD, "Production", "prod@example.com"),
                new AccountInfo(TestDirectory.DEV, "Development", "dev@example.com"),
                new AccountInfo(TestDirectory.SANDBOX, "Sandbox", "sandbox@example.com"));

        ListAccountRolesOutput roles = fx.sso.send(new ListAccountRolesCommand(
                ListAccountRolesInput.of(tokens.accessToken(), TestDirectory.PROD)));
        assertThat(roles.nextToken()).isNull();
        assertThat(roles.roleList()).containsExactly(
                new RoleInfo("AdministratorAccess", TestDirectory.PROD), new RoleInfo("ReadOnlyAccess", TestDirectory.PROD));

        Instant issuedAt = fx.service.clock.instant();
        RoleCredentials credentials = fx.sso.send(new GetRoleCredentialsCommand(GetRoleCredentialsInput.of(
                tokens.accessToken(), TestDirectory.PROD, "AdministratorAccess"))).roleCredentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        // epoch milliseconds on the wire: one hour (AdministratorAccess) after the service's clock, to the ms
        assertThat(credentials.expiration())
                .isEqualTo(Instant.ofEpochMilli(issuedAt.plus(Duration.ofHours(1)).toEpochMilli()));
        assertThat(credentials.toString()).contains(credentials.accessKeyId())
                .doesNotContain(credentials.secretAccessKey()).doesNotContain(credentials.sessionToken());

        CreateTokenOutput refreshed = fx.refresh(client, tokens.refreshToken());
        assertThat(refreshed.accessToken()).startsWith("ghat_").isNotEqualTo(tokens.accessToken());
        assertThat(refreshed.refreshToken()).startsWith("ghrt_").isNotEqualTo(tokens.refreshToken());
        assertThat(fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(refreshed.accessToken()))).accountList())
                .hasSize(3);

        LogoutOutput loggedOut = fx.sso.send(new LogoutCommand(LogoutInput.of(refreshed.accessToken())));
        assertThat(loggedOut).isEqualTo(new LogoutOutput());

        UnauthorizedException unauthorized = catchThrowableOfType(UnauthorizedException.class,
                () -> fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(refreshed.accessToken()))));
        assertThat(unauthorized).isNotNull();
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.errorCode()).isEqualTo("UnauthorizedException");
        assertThat(unauthorized.errorMessage()).isNotBlank();
        assertThat(unauthorized.requestId()).isNotBlank();
        assertThat(unauthorized.fault()).isEqualTo(Fault.CLIENT);
        assertThat(unauthorized.getMessage()).doesNotContain(refreshed.accessToken());

        InvalidGrantException invalidGrant = catchThrowableOfType(InvalidGrantException.class,
                () -> fx.refresh(client, refreshed.refreshToken()));
        assertThat(invalidGrant).isNotNull();
        assertThat(invalidGrant.statusCode()).isEqualTo(400);
        assertThat(invalidGrant.error()).isEqualTo("invalid_grant");
        assertThat(invalidGrant.errorMessage()).isNotBlank();
    }

    @Test
    void logoutOfAnotherSessionLeavesThisOneAlone() {
        RegisterClientOutput client = fx.registerDeviceClient();
        CreateTokenOutput mine = fx.deviceSignIn(client, "alice");
        CreateTokenOutput other = fx.deviceSignIn(client, "alice");

        fx.sso.send(new LogoutCommand(LogoutInput.of(other.accessToken())));

        assertThat(fx.sso.send(new ListAccountsCommand(ListAccountsInput.of(mine.accessToken()))).accountList()).hasSize(3);
        assertThatThrownBy(() -> fx.sso.send(new LogoutCommand(LogoutInput.of(other.accessToken()))))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void paginatorFollowsNextTokenOverFortyFiveAccounts() {
        String token = fx.service.signIn("many");
        ListAccountsInput input = ListAccountsInput.builder().accessToken(token).maxResults(7).build();

        List<ListAccountsOutput> pages = fx.sso.listAccountsPaginator(input).pageStream().toList();
        assertThat(pages).hasSize(7); // 6 × 7 + 3
        assertThat(pages.subList(0, 6)).allSatisfy(p -> assertThat(p.accountList()).hasSize(7));
        assertThat(pages.getLast().accountList()).hasSize(3);
        assertThat(pages.getLast().nextToken()).isNull();

        fx.http.reset();
        List<String> ids = fx.sso.listAccountsPaginator(input).stream().map(AccountInfo::accountId).toList();
        assertThat(ids).hasSize(45).doesNotHaveDuplicates().isSorted()
                .first().isEqualTo("900000000000");
        assertThat(ids).last().isEqualTo("900000000044");
        assertThat(fx.http.sent()).as("one request per page").isEqualTo(7);

        int count = 0;
        for (AccountInfo ignored : fx.sso.listAccountsPaginator(input)) {
            count++;
        }
        assertThat(count).isEqualTo(45);

        // ListAccountRoles pages the same way (one role per account for "many")
        ListAccountRolesInput roles = ListAccountRolesInput.builder().accessToken(token).accountId("900000000007")
                .maxResults(1).build();
        assertThat(fx.sso.listAccountRolesPaginator(roles).stream().toList())
                .containsExactly(new RoleInfo("ReadOnlyAccess", "900000000007"));
        String alice = fx.service.signIn("alice");
        assertThat(fx.sso.listAccountRolesPaginator(ListAccountRolesInput.builder().accessToken(alice)
                        .accountId(TestDirectory.PROD).maxResults(1).build()).pageStream().toList())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.roleList()).hasSize(1));
    }

    @Test
    void sendAsyncGivesTheSameOutputsAndErrors() {
        String token = fx.service.signIn("alice");
        CompletableFuture<ListAccountsOutput> accounts = fx.sso.sendAsync(new ListAccountsCommand(ListAccountsInput.of(token)));
        assertThat(accounts.join().accountList()).hasSize(3);

        CompletableFuture<ListAccountsOutput> bad = fx.sso.sendAsync(new ListAccountsCommand(ListAccountsInput.of("ghat_nope")));
        assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(UnauthorizedException.class);

        RegisterClientOutput client = fx.registerDeviceClient();
        StartDeviceAuthorizationOutput started = fx.start(client);
        assertThatThrownBy(() -> fx.oidc.sendAsync(new CreateTokenCommand(CreateTokenInput.deviceCode(
                client.clientId(), client.clientSecret(), started.deviceCode()))).join())
                .cause().isInstanceOf(AuthorizationPendingException.class);
    }
}
