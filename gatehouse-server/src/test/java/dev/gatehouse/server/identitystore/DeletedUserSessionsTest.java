package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.server.StockSdk;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * DeleteUser ends the user's sign-in at once: the access token issued before the delete is refused
 * by the portal (401) and the refresh token by CreateToken (InvalidGrantException), while another
 * user's tokens go on working.
 */
class DeletedUserSessionsTest {
    @TempDir
    Path dataDir;
    TestService service;
    IdentitystoreClient identityStore;
    SsoClient sso;
    SsoOidcClient oidc;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        identityStore = IdentityStoreClients.admin(service.baseUrl());
        sso = service.sdkClientWithoutRetries();
        oidc = StockSdk.oidc(service.baseUrl());
    }

    @AfterEach
    void stop() {
        identityStore.close();
        sso.close();
        oidc.close();
        service.close();
    }

    @Test
    void aDeletedUsersAccessAndRefreshTokensStopWorkingAtOnce() {
        RegisterClientResponse client = oidc.registerClient(r -> r.clientName("cli").clientType("public")
                .grantTypes("authorization_code", "refresh_token").redirectUris("http://127.0.0.1/oauth/callback")
                .issuerUrl(service.baseUrl() + "/start").scopes("sso:account:access"));
        SignInSession bobSession = service.session("bob");
        TokenSet bob = service.gatehouse.tokens().issueTokenSet(bobSession, client.clientId());
        String alice = service.signIn("alice");
        assertThat(sso.listAccounts(r -> r.accessToken(bob.access().secret())).accountList()).isNotEmpty();

        identityStore.deleteUser(r -> r.identityStoreId(service.gatehouse.directory().ids().identityStoreId())
                .userId(bobSession.userId()));

        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(bob.access().secret())))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(client.clientSecret()).refreshToken(bob.refresh().secret())))
                .isInstanceOf(InvalidGrantException.class);
        assertThat(sso.listAccounts(r -> r.accessToken(alice)).accountList()).isNotEmpty();
    }

    /** Role credentials outlive their user's deletion, as in AWS; an admin can still end them by the user's id. */
    @Test
    void anAdminEndsTheRoleCredentialsADeletedUserTookByTheUsersId() throws Exception {
        SignInSession bobSession = service.session("bob");
        String token = service.accessToken(bobSession);
        var credentials = sso.getRoleCredentials(r -> r.accessToken(token).accountId(dev.gatehouse.server.TestDirectory.DEV)
                .roleName("ReadOnlyAccess")).roleCredentials();
        identityStore.deleteUser(r -> r.identityStoreId(service.gatehouse.directory().ids().identityStoreId())
                .userId(bobSession.userId()));
        var session = software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken());
        try (var sts = StockSdk.sts(service.baseUrl(), session, service.clock)) {
            assertThat(sts.getCallerIdentity().arn()).as("still good after the deletion").endsWith("/bob");
        }

        try (var calls = new dev.gatehouse.server.AdminCalls(service.baseUrl())) {
            var byName = calls.asBootstrap("GatehouseAdmin.EndUserSessions", "{\"UserName\":\"bob\"}");
            assertThat(byName.statusCode()).as("no user bob any more").isEqualTo(400);
            assertThat(byName.body()).contains("ResourceNotFoundException");
            var byId = calls.asBootstrap("GatehouseAdmin.EndUserSessions",
                    "{\"UserId\":\"" + bobSession.userId() + "\",\"EndRoleSessions\":true}");
            assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
            assertThat(byId.body()).contains("\"RoleSessionsEnded\":1");
            var nobody = calls.asBootstrap("GatehouseAdmin.EndUserSessions", "{\"UserId\":\"no-such-user-id\"}");
            assertThat(nobody.statusCode()).isEqualTo(400);
            assertThat(nobody.body()).contains("ResourceNotFoundException");
        }
        try (var sts = StockSdk.sts(service.baseUrl(), session, service.clock)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(
                    software.amazon.awssdk.services.sts.model.StsException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
