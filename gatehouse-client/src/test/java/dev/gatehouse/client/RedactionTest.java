package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountRolesCommand;
import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.GetRoleCredentialsOutput;
import dev.gatehouse.client.sso.model.ListAccountRolesInput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No {@code toString} of an input, output, command or builder shows a token or secret. */
class RedactionTest {
    private static final String TOKEN = "SECRET-access-token";
    private static final String SECRET = "SECRET-client-secret";
    private static final String DEVICE = "SECRET-device-code";
    private static final String CODE = "SECRET-auth-code";
    private static final String VERIFIER = "SECRET-verifier";
    private static final String REFRESH = "SECRET-refresh-token";
    private static final String KEY = "SECRET-secret-access-key";
    private static final String SESSION = "SECRET-session-token";
    private static final String ID_TOKEN = "SECRET-id-token";

    @Test
    void noToStringShowsASecret() {
        List<Object> values = List.of(
                LogoutInput.of(TOKEN),
                new LogoutCommand(LogoutInput.of(TOKEN)),
                GetRoleCredentialsInput.of(TOKEN, "111111111111", "Admin"),
                GetRoleCredentialsInput.builder().accessToken(TOKEN),
                new GetRoleCredentialsCommand(GetRoleCredentialsInput.of(TOKEN, "111111111111", "Admin")),
                new GetRoleCredentialsOutput(new RoleCredentials("ASIAKEY", KEY, SESSION, Instant.EPOCH)),
                ListAccountsInput.builder().accessToken(TOKEN).maxResults(5).build(),
                ListAccountsInput.builder().accessToken(TOKEN),
                new ListAccountsCommand(ListAccountsInput.of(TOKEN)),
                ListAccountRolesInput.of(TOKEN, "111111111111"),
                ListAccountRolesInput.builder().accessToken(TOKEN),
                new ListAccountRolesCommand(ListAccountRolesInput.of(TOKEN, "111111111111")),
                new RegisterClientOutput("cid", SECRET, Instant.EPOCH, Instant.EPOCH, null, null),
                StartDeviceAuthorizationInput.of("cid", SECRET, "https://start"),
                new StartDeviceAuthorizationCommand(StartDeviceAuthorizationInput.of("cid", SECRET, "https://start")),
                new StartDeviceAuthorizationOutput(DEVICE, "ABCD-EFGH", "https://v", "https://v?c", 600, 5),
                CreateTokenInput.deviceCode("cid", SECRET, DEVICE),
                CreateTokenInput.refreshToken("cid", SECRET, REFRESH),
                CreateTokenInput.authorizationCode("cid", SECRET, CODE, "http://127.0.0.1:1/cb", VERIFIER),
                CreateTokenInput.builder().clientId("cid").clientSecret(SECRET).refreshToken(REFRESH),
                new CreateTokenCommand(CreateTokenInput.refreshToken("cid", SECRET, REFRESH)),
                new CreateTokenOutput(TOKEN, "Bearer", 3600, REFRESH, ID_TOKEN),
                WireRequest.get("ListAccounts", "/assignment/accounts").header("x-amz-sso_bearer_token", TOKEN).build());

        assertThat(values).allSatisfy(value -> assertThat(value.toString()).as(value.getClass().getSimpleName())
                .doesNotContain("SECRET"));
        // ...while still saying what they are
        assertThat(CreateTokenInput.refreshToken("cid", SECRET, REFRESH).toString())
                .contains("cid").contains("refresh_token").contains("refreshToken=***");
        assertThat(new RoleCredentials("ASIAKEY", KEY, SESSION, Instant.EPOCH).toString()).contains("ASIAKEY");
        assertThat(new CreateTokenOutput(TOKEN, "Bearer", 3600, null, null).toString()).contains("refreshToken=null");
        assertThat(ListAccountsInput.builder().accessToken(TOKEN).toString()).isEqualTo("ListAccountsInput.Builder[accessToken=***]");
        assertThat(ListAccountRolesInput.builder().accessToken(TOKEN).accountId("1").toString())
                .isEqualTo("ListAccountRolesInput.Builder[accessToken=***]");
    }

    @Test
    void anExceptionsMessageHasTheServicesWordsOnly() {
        ServiceException e = new dev.gatehouse.client.sso.model.UnauthorizedException(new ErrorDetails(401, "rid",
                "UnauthorizedException", "Session token not found or invalid", Fault.CLIENT, 1,
                Map.of("message", "Session token not found or invalid")));
        assertThat(e.getMessage()).isEqualTo(
                "UnauthorizedException: Session token not found or invalid (status 401, request id rid)");
    }
}
