package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountRolesCommand;
import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.GetRoleCredentialsOutput;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Recorded;
import dev.gatehouse.client.support.LocalServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly what goes on the wire for each operation, and how each answer is read, against a
 * scripted server that records the requests.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WireFormatTest {
    private static Map<String, Object> json(Recorded request) throws IOException {
        return JSON.std.mapFrom(request.body());
    }

    private static SsoClient sso(LocalServer server) {
        return SsoClient.builder().endpointOverride(server.baseUrl()).build();
    }

    private static SsoOidcClient oidc(LocalServer server) {
        return SsoOidcClient.builder().endpointOverride(server.baseUrl()).build();
    }

    @Test
    void getRoleCredentials() {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"roleCredentials\":{\"accessKeyId\":\"ASIAEXAMPLE\","
                + "\"secretAccessKey\":\"s3cr3t\",\"sessionToken\":\"tok\",\"expiration\":1665736069000},\"unknown\":1}"));
             SsoClient sso = sso(server)) {
            GetRoleCredentialsOutput output = sso.send(new GetRoleCredentialsCommand(
                    GetRoleCredentialsInput.of("the-token", "111122223333", "Read Only")));

            Recorded request = server.only();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/federation/credentials");
            assertThat(request.rawQuery()).isEqualTo("role_name=Read%20Only&account_id=111122223333");
            assertThat(request.header("x-amz-sso_bearer_token")).isEqualTo("the-token");
            assertThat(request.header("Authorization")).isNull();
            assertThat(request.body()).isEmpty();

            assertThat(output.roleCredentials()).isEqualTo(new RoleCredentials("ASIAEXAMPLE", "s3cr3t", "tok",
                    Instant.parse("2022-10-14T08:27:49Z")));
        }
    }

    @Test
    void listAccounts() {
        try (LocalServer server = LocalServer.start(
                Reply.ok("{\"nextToken\":\"n2\",\"accountList\":[{\"accountId\":\"1\",\"accountName\":\"A\",\"emailAddress\":\"a@x\"}]}"),
                Reply.ok("{\"accountList\":[]}"));
             SsoClient sso = sso(server)) {
            ListAccountsOutput first = sso.send(new ListAccountsCommand(ListAccountsInput.of("t")));
            ListAccountsOutput second = sso.send(new ListAccountsCommand(
                    ListAccountsInput.builder().accessToken("t").nextToken("n2/+=").maxResults(7).build()));

            List<Recorded> requests = server.requests();
            assertThat(requests).extracting(Recorded::path).containsOnly("/assignment/accounts");
            assertThat(requests).extracting(Recorded::method).containsOnly("GET");
            assertThat(requests.get(0).rawQuery()).isNull();
            assertThat(requests.get(1).rawQuery()).isEqualTo("next_token=n2%2F%2B%3D&max_result=7");
            assertThat(first.nextToken()).isEqualTo("n2");
            assertThat(first.accountList()).singleElement().satisfies(a -> {
                assertThat(a.accountId()).isEqualTo("1");
                assertThat(a.accountName()).isEqualTo("A");
                assertThat(a.emailAddress()).isEqualTo("a@x");
            });
            assertThat(second.nextToken()).isNull();
            assertThat(second.accountList()).isEmpty();
        }
    }

    @Test
    void listAccountRoles() {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"roleList\":[{\"roleName\":\"ReadOnly\",\"accountId\":\"111122223333\"}]}"));
             SsoClient sso = sso(server)) {
            var output = sso.send(new ListAccountRolesCommand(ListAccountRolesInput.builder().accessToken("t")
                    .accountId("111122223333").nextToken("x").maxResults(100).build()));
            Recorded request = server.only();
            assertThat(request.path()).isEqualTo("/assignment/roles");
            assertThat(request.rawQuery()).isEqualTo("account_id=111122223333&next_token=x&max_result=100");
            assertThat(request.header("x-amz-sso_bearer_token")).isEqualTo("t");
            assertThat(output.roleList()).singleElement().satisfies(r -> {
                assertThat(r.roleName()).isEqualTo("ReadOnly");
                assertThat(r.accountId()).isEqualTo("111122223333");
            });
        }
    }

    @Test
    void logoutSendsAnEmptyBodyWithoutContentTypeAndAcceptsEitherAnswer() {
        try (LocalServer server = LocalServer.start(Reply.json(200, ""), Reply.ok("{}"));
             SsoClient sso = sso(server)) {
            sso.send(new LogoutCommand(LogoutInput.of("t")));
            sso.send(new LogoutCommand(LogoutInput.of("t")));
            assertThat(server.requests()).hasSize(2).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/logout");
                assertThat(request.rawQuery()).isNull();
                assertThat(request.body()).isEmpty();
                assertThat(request.header("Content-Type")).isNull();
                assertThat(request.header("Content-Length")).isEqualTo("0");
                assertThat(request.header("x-amz-sso_bearer_token")).isEqualTo("t");
            });
        }
    }

    @Test
    void registerClientSendsCamelCaseMembersAndLeavesOutAbsentOnes() throws IOException {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"clientId\":\"cid\",\"clientSecret\":\"sec\","
                + "\"clientIdIssuedAt\":1700000000,\"clientSecretExpiresAt\":1707776000}"));
             SsoOidcClient oidc = oidc(server)) {
            RegisterClientOutput device = oidc.send(new RegisterClientCommand(
                    RegisterClientInput.forDeviceFlow("botocore-client-s", List.of("sso:account:access"))));
            oidc.send(new RegisterClientCommand(RegisterClientInput.builder().clientName("pkce")
                    .grantTypes("authorization_code", "refresh_token").redirectUris("http://127.0.0.1/oauth/callback")
                    .issuerUrl("https://example.com/start").scopes("sso:account:access").build()));

            List<Recorded> requests = server.requests();
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/client/register");
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
            });
            assertThat(json(requests.get(0))).containsExactly(Map.entry("clientName", "botocore-client-s"),
                    Map.entry("clientType", "public"), Map.entry("scopes", List.of("sso:account:access")));
            assertThat(json(requests.get(1))).containsOnly(Map.entry("clientName", "pkce"),
                    Map.entry("clientType", "public"), Map.entry("scopes", List.of("sso:account:access")),
                    Map.entry("redirectUris", List.of("http://127.0.0.1/oauth/callback")),
                    Map.entry("grantTypes", List.of("authorization_code", "refresh_token")),
                    Map.entry("issuerUrl", "https://example.com/start"));

            // epoch seconds
            assertThat(device.clientIdIssuedAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
            assertThat(device.clientSecretExpiresAt()).isEqualTo(Instant.ofEpochSecond(1707776000));
            assertThat(device.authorizationEndpoint()).isNull();
        }
    }

    @Test
    void startDeviceAuthorization() throws IOException {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"deviceCode\":\"dc\",\"userCode\":\"ABCD-EFGH\","
                + "\"verificationUri\":\"https://device.sso.eu-central-1.amazonaws.com/\","
                + "\"verificationUriComplete\":\"https://device.sso.eu-central-1.amazonaws.com/?user_code=ABCD-EFGH\","
                + "\"expiresIn\":600}"));
             SsoOidcClient oidc = oidc(server)) {
            StartDeviceAuthorizationOutput output = oidc.send(new StartDeviceAuthorizationCommand(
                    StartDeviceAuthorizationInput.of("cid", "sec", "https://d-123.awsapps.com/start")));
            Recorded request = server.only();
            assertThat(request.path()).isEqualTo("/device_authorization");
            assertThat(json(request)).containsExactly(Map.entry("clientId", "cid"), Map.entry("clientSecret", "sec"),
                    Map.entry("startUrl", "https://d-123.awsapps.com/start"));
            assertThat(output.deviceCode()).isEqualTo("dc");
            assertThat(output.userCode()).isEqualTo("ABCD-EFGH");
            assertThat(output.expiresIn()).isEqualTo(600);
            assertThat(output.interval()).as("absent").isZero();
        }
    }

    @Test
    void createTokenSendsOnlyTheGrantsMembers() throws IOException {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"accessToken\":\"at\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":3600,\"refreshToken\":\"rt\"}"));
             SsoOidcClient oidc = oidc(server)) {
            CreateTokenOutput output = oidc.send(new CreateTokenCommand(CreateTokenInput.deviceCode("cid", "sec", "dc")));
            oidc.send(new CreateTokenCommand(CreateTokenInput.refreshToken("cid", "sec", "old")));
            oidc.send(new CreateTokenCommand(CreateTokenInput.authorizationCode("cid", "sec", "code",
                    "http://127.0.0.1:4321/oauth/callback", "verifier")));

            List<Recorded> requests = server.requests();
            assertThat(requests).extracting(Recorded::path).containsOnly("/token");
            assertThat(json(requests.get(0))).containsExactly(Map.entry("clientId", "cid"), Map.entry("clientSecret", "sec"),
                    Map.entry("grantType", "urn:ietf:params:oauth:grant-type:device_code"), Map.entry("deviceCode", "dc"));
            assertThat(json(requests.get(1))).containsExactly(Map.entry("clientId", "cid"), Map.entry("clientSecret", "sec"),
                    Map.entry("grantType", "refresh_token"), Map.entry("refreshToken", "old"));
            assertThat(json(requests.get(2))).containsExactly(Map.entry("clientId", "cid"), Map.entry("clientSecret", "sec"),
                    Map.entry("grantType", "authorization_code"), Map.entry("code", "code"),
                    Map.entry("redirectUri", "http://127.0.0.1:4321/oauth/callback"), Map.entry("codeVerifier", "verifier"));
            assertThat(output).isEqualTo(new CreateTokenOutput("at", "Bearer", 3600, "rt", null));
        }
    }

    @Test
    void anEndpointWithAPathKeepsIt() {
        try (LocalServer server = LocalServer.start(Reply.json(200, ""));
             SsoClient sso = SsoClient.builder().endpointOverride(URI.create(server.baseUrl() + "/prefix/")).build()) {
            sso.send(new LogoutCommand(LogoutInput.of("t")));
            assertThat(server.only().path()).isEqualTo("/prefix/logout");
        }
    }

    @Test
    void aMemberOfTheWrongTypeIsAClientException() {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"accountList\":\"not a list\"}"));
             SsoClient sso = sso(server)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> sso.send(new ListAccountsCommand(ListAccountsInput.of("t"))))
                    .isInstanceOf(GatehouseClientException.class).hasMessageContaining("accountList");
        }
    }
}
