package dev.gatehouse.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.AwsCli;
import dev.gatehouse.server.OutsideTool;
import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The directory managed with stock tools, end to end: Debian's AWS CLI v2 ({@code /usr/bin/aws
 * --endpoint-url}) makes a user, a group, a membership, a permission set of PT3H and an assignment of
 * it to the group; the admin asks for the user's invitation link; the new user sets a password through
 * it in Chromium, signs in (device flow, as {@code aws sso login --use-device-code}), and the stock
 * {@code SsoClient} lists the new account and gets role credentials that last the new SessionDuration.
 * Runs under CI; skipped elsewhere without the AWS CLI or Chromium.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AwsCliDirectoryTest extends BrowserFlowTest {
    private static final String NEW_PASSWORD = "Newcomer-Passw0rd!";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final OutsideTool AWS_CLI = AwsCli.TOOL;

    @TempDir
    Path home;
    AwsCli cli;

    @BeforeEach
    void pointTheCliAtTheService() {
        cli = new AwsCli(service.baseUrl(), home);
    }

    @Test
    void anAdminMakesAUserWithTheAwsCliWhoSignsInAndGetsRoleCredentials() throws Exception {
        JsonNode instance = aws("sso-admin", "list-instances").path("Instances").get(0);
        String instanceArn = instance.path("InstanceArn").asText();
        String storeId = instance.path("IdentityStoreId").asText();

        String userId = aws("identitystore", "create-user", "--identity-store-id", storeId, "--user-name", "carol",
                "--display-name", "Carol Jones", "--name", "GivenName=Carol,FamilyName=Jones",
                "--emails", "Value=carol@example.com,Type=work,Primary=true").path("UserId").asText();
        String groupId = aws("identitystore", "create-group", "--identity-store-id", storeId,
                "--display-name", "developers").path("GroupId").asText();
        aws("identitystore", "create-group-membership", "--identity-store-id", storeId, "--group-id", groupId,
                "--member-id", "UserId=" + userId);
        assertThat(aws("identitystore", "describe-user", "--identity-store-id", storeId, "--user-id", userId)
                .path("Name").path("FamilyName").asText()).isEqualTo("Jones");
        String permissionSetArn = aws("sso-admin", "create-permission-set", "--instance-arn", instanceArn,
                "--name", "DeveloperAccess", "--session-duration", "PT3H")
                .path("PermissionSet").path("PermissionSetArn").asText();
        JsonNode created = aws("sso-admin", "create-account-assignment", "--instance-arn", instanceArn,
                "--target-id", TestDirectory.DEV, "--target-type", "AWS_ACCOUNT",
                "--permission-set-arn", permissionSetArn, "--principal-type", "GROUP", "--principal-id", groupId);
        assertThat(created.path("AccountAssignmentCreationStatus").path("Status").asText()).isEqualTo("SUCCEEDED");

        String invitationUrl = createInvitation(userId).path("InvitationUrl").asText();
        steps.open(invitationUrl);
        steps.visible("input[name=password]").sendKeys(NEW_PASSWORD);
        steps.visible("input[name=passwordRepeat]").sendKeys(NEW_PASSWORD);
        steps.screenshot("01-set-password");
        steps.clickAndWait(steps.visible("form button[type=submit]"));
        steps.screenshot("02-password-set");

        String accessToken = signInWithDeviceFlow("carol", NEW_PASSWORD);
        try (SsoClient sso = service.sdkClientWithoutRetries()) {
            assertThat(sso.listAccounts(r -> r.accessToken(accessToken)).accountList())
                    .extracting(a -> a.accountId()).containsExactly(TestDirectory.DEV);
            Instant before = Instant.now();
            RoleCredentials credentials = sso.getRoleCredentials(r -> r.accessToken(accessToken)
                    .accountId(TestDirectory.DEV).roleName("DeveloperAccess")).roleCredentials();
            Instant expiration = Instant.ofEpochMilli(credentials.expiration());
            assertThat(expiration).isBetween(before.plus(Duration.ofHours(3)).minusSeconds(60),
                    Instant.now().plus(Duration.ofHours(3)).plusSeconds(60));
        }
    }

    private JsonNode aws(String... command) throws IOException, InterruptedException {
        return cli.json(command);
    }

    /** GatehouseAdmin.CreateInvitation, signed with the AWS SDK's own SigV4 signer. */
    private JsonNode createInvitation(String userId) throws IOException {
        try (AdminCalls calls = new AdminCalls(service.baseUrl())) {
            HttpResponse<String> response = calls.asBootstrap("GatehouseAdmin.CreateInvitation",
                    JSON.writeValueAsString(Map.of("UserId", userId)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    /** The device flow as {@code aws sso login --use-device-code} drives it; the access token. */
    private String signInWithDeviceFlow(String userName, String password) {
        try (SsoOidcClient oidc = OidcClients.of(service)) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("aws-cli").clientType("public")
                    .scopes(OidcClients.SCOPE));
            StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r
                    .clientId(client.clientId()).clientSecret(client.clientSecret())
                    .startUrl(service.baseUrl() + "/start"));
            steps.forgetCookies();
            steps.open(started.verificationUriComplete());
            steps.submitPassword(userName, password);
            steps.screenshot("03-consent");
            steps.clickAndWait(steps.visible("button[name=action][value=approve]"));
            steps.waitForTitle("Device approved · Gatehouse");
            CreateTokenResponse tokens = oidc.createToken(r -> r.grantType(OidcClients.DEVICE_CODE)
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
            return tokens.accessToken();
        }
    }
}
