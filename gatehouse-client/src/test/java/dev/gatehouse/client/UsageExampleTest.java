package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.client.sso.GetRoleCredentialsCommand;
import dev.gatehouse.client.sso.ListAccountsCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.AccountInfo;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.ListAccountsOutput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.AuthorizationPendingException;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.SlowDownException;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import dev.gatehouse.server.TestService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Javadoc examples (package {@code dev.gatehouse.client}, {@code SsoClient}, {@code SsoOidcClient}),
 * as written there, run against a real Gatehouse — so the documentation cannot rot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UsageExampleTest {
    @TempDir
    Path dataDir;
    TestService service;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final PrintStream stdout = System.out;
    final PrintStream stderr = System.err;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        System.setErr(stderr);
        service.close();
    }

    /** The SsoClient example, the base URL in place of http://127.0.0.1:8080. */
    private void ssoExample(String accessToken) {
        try (SsoClient sso = SsoClient.builder()
                .endpointOverride(URI.create(service.baseUrl().toString()))   // or just .region("eu-west-1") for AWS
                .build()) {
            ListAccountsOutput page = sso.send(new ListAccountsCommand(ListAccountsInput.of(accessToken)));
            for (AccountInfo account : sso.listAccountsPaginator(ListAccountsInput.of(accessToken))) {
                System.out.println(account.accountId() + " " + account.accountName());
            }
            RoleCredentials credentials = sso.send(new GetRoleCredentialsCommand(
                    GetRoleCredentialsInput.of(accessToken, "111111111111", "AdministratorAccess"))).roleCredentials();
            System.out.println(page.accountList().size() + " " + credentials.accessKeyId().substring(0, 4));
        } catch (UnauthorizedException e) {
            // the access token expired or was logged out: sign in again
            System.err.println("Sign in again (" + e.errorMessage() + ", request id " + e.requestId() + ")");
        }
    }

    @Test
    void theSsoClientExample() {
        ssoExample(service.signIn("alice"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("111111111111 Production")
                .contains("333333333333 Sandbox").contains("3 ASIA");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        ssoExample("ghat_logged-out");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Sign in again (").contains("request id ");
    }

    @Test
    void theSsoOidcClientExample() throws Exception {
        String base = service.baseUrl().toString();
        Thread approver = Thread.ofVirtual().start(() -> {
            // the person, meanwhile, confirms the code in the browser
            while (true) {
                var pending = service.gatehouse.deviceAuthorizations().pending(lastUserCode());
                if (pending.isPresent()) {
                    service.gatehouse.deviceAuthorizations().approve(lastUserCode(), service.session("alice"));
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CreateTokenOutput result;
        // --- the example ---
        try (SsoOidcClient oidc = SsoOidcClient.builder()
                .endpointOverride(URI.create(base))   // or just .region("eu-west-1") for AWS
                .build()) {
            RegisterClientOutput client = oidc.send(new RegisterClientCommand(
                    RegisterClientInput.forDeviceFlow("my-tool", List.of("sso:account:access"))));
            StartDeviceAuthorizationOutput device = oidc.send(new StartDeviceAuthorizationCommand(
                    StartDeviceAuthorizationInput.of(client, base + "/start")));
            System.out.println("Open " + device.verificationUriComplete() + " and confirm " + device.userCode());
            userCode = device.userCode();
            int interval = Math.max(1, device.interval());
            CreateTokenOutput tokens = null;
            while (tokens == null) {
                try {
                    tokens = oidc.send(new CreateTokenCommand(
                            CreateTokenInput.deviceCode(client.clientId(), client.clientSecret(), device.deviceCode())));
                } catch (AuthorizationPendingException e) {
                    Thread.sleep(Duration.ofSeconds(interval));
                    service.clock.advance(Duration.ofSeconds(interval)); // (the test's clock keeps pace)
                } catch (SlowDownException e) {
                    interval += 5;
                    Thread.sleep(Duration.ofSeconds(interval));
                }
            }
            result = tokens;
        }
        // --- end ---
        approver.join(10_000);
        assertThat(result.accessToken()).startsWith("ghat_");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/device?user_code=");
    }

    private volatile String userCode;

    private String lastUserCode() {
        String code = userCode;
        return code == null ? "----" : code;
    }
}
