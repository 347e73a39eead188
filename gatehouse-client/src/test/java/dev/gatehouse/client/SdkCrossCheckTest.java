package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountRolesCommand;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.support.Fixture;
import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** The stock AWS SDK for Java v2 and this client, asking the same Gatehouse the same things, get the same answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SdkCrossCheckTest {
    @TempDir
    Path dataDir;
    Fixture fx;
    SsoClient sdk;

    @BeforeEach
    void start() {
        fx = new Fixture(dataDir);
        sdk = fx.service.sdkClient();
    }

    @AfterEach
    void stop() {
        sdk.close();
        fx.close();
    }

    private record Account(String id, String name, String email) {
    }

    @Test
    void listAccountsPageByPage() {
        String token = fx.service.signIn("many");
        List<ListAccountsResponse> sdkPages = sdk.listAccountsPaginator(r -> r.accessToken(token).maxResults(7))
                .stream().toList();
        List<ListAccountsOutput> ourPages = fx.sso.listAccountsPaginator(
                ListAccountsInput.builder().accessToken(token).maxResults(7).build()).pageStream().toList();

        assertThat(ourPages).hasSameSizeAs(sdkPages).hasSize(7);
        for (int i = 0; i < sdkPages.size(); i++) {
            assertThat(ourPages.get(i).nextToken()).isEqualTo(sdkPages.get(i).nextToken());
            assertThat(ourPages.get(i).accountList().stream().map(a -> new Account(a.accountId(), a.accountName(), a.emailAddress())))
                    .containsExactlyElementsOf(sdkPages.get(i).accountList().stream()
                            .map(a -> new Account(a.accountId(), a.accountName(), a.emailAddress())).toList());
        }
    }

    @Test
    void listAccountRoles() {
        String token = fx.service.signIn("alice");
        var theirs = sdk.listAccountRoles(r -> r.accessToken(token).accountId(TestDirectory.PROD)).roleList().stream()
                .map(r -> List.of(r.roleName(), r.accountId())).toList();
        var ours = fx.sso.send(new ListAccountRolesCommand(ListAccountRolesInput.of(token, TestDirectory.PROD)))
                .roleList().stream().map(r -> List.of(r.roleName(), r.accountId())).toList();
        assertThat(ours).isEqualTo(theirs).hasSize(2);
    }

    @Test
    void roleCredentialsExpireAtTheSameInstant() {
        String token = fx.service.signIn("alice");
        var theirs = sdk.getRoleCredentials(r -> r.accessToken(token).accountId(TestDirectory.PROD)
                .roleName("ReadOnlyAccess")).roleCredentials();
        RoleCredentials ours = fx.sso.send(new GetRoleCredentialsCommand(
                GetRoleCredentialsInput.of(token, TestDirectory.PROD, "ReadOnlyAccess"))).roleCredentials();
        // each call issues new keys; the clock does not move, so the expiration is the same
        assertThat(ours.expiration()).isEqualTo(Instant.ofEpochMilli(theirs.expiration()));
        assertThat(ours.accessKeyId()).startsWith("ASIA").hasSameSizeAs(theirs.accessKeyId());
        assertThat(ours.secretAccessKey()).hasSameSizeAs(theirs.secretAccessKey());
    }

    @Test
    void theSameErrorForALoggedOutToken() {
        String token = fx.service.signIn("alice");
        sdk.logout(r -> r.accessToken(token));
        var theirs = catchThrowableOfType(software.amazon.awssdk.services.sso.model.UnauthorizedException.class,
                () -> sdk.listAccounts(r -> r.accessToken(token)));
        UnauthorizedException ours = catchThrowableOfType(UnauthorizedException.class,
                () -> fx.sso.send(new dev.gatehouse.client.sso.ListAccountsCommand(ListAccountsInput.of(token))));
        assertThat(ours.statusCode()).isEqualTo(theirs.statusCode());
        assertThat(ours.errorCode()).isEqualTo(theirs.awsErrorDetails().errorCode());
        assertThat(ours.errorMessage()).isEqualTo(theirs.awsErrorDetails().errorMessage());
    }

    @Test
    void registerClientTimes() {
        try (SsoOidcClient oidc = SsoOidcClient.builder().region(Region.US_EAST_1).endpointOverride(fx.service.baseUrl())
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create())
                .build()) {
            var theirs = oidc.registerClient(r -> r.clientName("c").clientType("public"));
            RegisterClientOutput ours = fx.oidc.send(new RegisterClientCommand(RegisterClientInput.forDeviceFlow("c", List.of())));
            assertThat(ours.clientIdIssuedAt()).isEqualTo(Instant.ofEpochSecond(theirs.clientIdIssuedAt()));
            assertThat(ours.clientSecretExpiresAt()).isEqualTo(Instant.ofEpochSecond(theirs.clientSecretExpiresAt()));
            assertThat(ours.authorizationEndpoint()).isEqualTo(theirs.authorizationEndpoint());
            assertThat(ours.tokenEndpoint()).isEqualTo(theirs.tokenEndpoint());
        }
    }
}
