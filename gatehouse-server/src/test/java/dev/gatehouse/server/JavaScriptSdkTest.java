package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.session.SignInSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The stock AWS SDK for JavaScript v3 ({@code @aws-sdk/client-sso-oidc}, {@code client-sso},
 * {@code client-sts}, pinned in {@code compat/js/package.json}) against a real Gatehouse:
 * {@code node compat/js/flow.mjs <base URL>} signs in with the device flow (approved here for
 * alice when it prints the user code), walks the access portal, calls STS GetCallerIdentity signed
 * by the JS SigV4 signer, refreshes, logs out and provokes the typed errors; its RESULT line is
 * checked here. {@code profile.mjs} does what most code does instead: names a profile, and the
 * default credential chain takes it from the CLI's token cache. Needs {@code node} and
 * {@code npm ci} in compat/js: skipped without them, failed in CI (see {@link OutsideTool}).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JavaScriptSdkTest {
    private static final Path COMPAT_JS = Path.of("..", "compat", "js").toAbsolutePath().normalize();
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String ARN = "arn:aws:sts::%s:assumed-role/AWSReservedSSO_%s_[0-9a-f]{16}/%s";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final OutsideTool NODE = new OutsideTool("The JavaScript SDK test", JavaScriptSdkTest::missingNode,
            "install Node.js >= 20 (apt-get install nodejs npm) and run `npm ci` in compat/js");

    @TempDir
    Path dir;
    TestService service;

    @BeforeEach
    void start() {
        service = new TestService(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theStockJavaScriptSdkSignsInUsesEveryApiAndLogsOut() throws Exception {
        JsonNode result = runAndCheckTheFlow();
        assertThat(result.path("identity").path("attempts").asInt()).as("GetCallerIdentity attempts").isEqualTo(1);
    }

    /**
     * A caller whose clock is 20 minutes off: its first GetCallerIdentity is refused as signed at
     * the wrong time; the SDK takes the time from the answer's Date header and signs again.
     */
    @Test
    void theSdkCorrectsItsClockFromTheServiceDateAndRetries() throws Exception {
        service.clock.advance(Duration.ofMinutes(20)); // node signs by the system clock
        JsonNode result = runAndCheckTheFlow();
        assertThat(result.path("identity").path("attempts").asInt()).as("GetCallerIdentity attempts").isEqualTo(2);
    }

    /**
     * What most JavaScript code does: name a profile. The SDK's default credential chain reads the
     * sso-session profile and the token a CLI login cached, refreshes that token (it is within the
     * SDK's five minutes of expiry), writes it back, and gets role credentials to sign for STS.
     */
    @Test
    void theDefaultCredentialChainRefreshesTheCliTokenCacheAndGetsRoleCredentials() throws Exception {
        String base = service.baseUrl().toString();
        RegisterClientResponse client;
        CreateTokenResponse login;
        try (SsoOidcClient oidc = StockSdk.oidc(service.baseUrl())) { // the device flow of `aws sso login`
            client = oidc.registerClient(r -> r.clientName("botocore-client-gatehouse").clientType("public"));
            StartDeviceAuthorizationResponse started = oidc.startDeviceAuthorization(r -> r
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(base + "/start"));
            service.gatehouse.deviceAuthorizations().approve(started.userCode(), service.session("alice"));
            login = oidc.createToken(r -> r.grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).deviceCode(started.deviceCode()));
        }
        Path config = dir.resolve("home/.aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                [profile dev]
                sso_session = gatehouse
                sso_account_id = %s
                sso_role_name = ReadOnlyAccess
                region = us-east-1

                [sso-session gatehouse]
                sso_start_url = %s/start
                sso_region = us-east-1
                """.formatted(TestDirectory.SANDBOX, base));
        // the token file as the AWS CLI writes it, named by the SHA-1 of the sso-session name
        Path cached = dir.resolve("home/.aws/sso/cache/"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest("gatehouse".getBytes(StandardCharsets.UTF_8)))
                + ".json");
        Files.createDirectories(cached.getParent());
        Instant soon = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS); // node's clock
        JSON.writeValue(cached.toFile(), Map.of("startUrl", base + "/start", "region", "us-east-1",
                "accessToken", login.accessToken(), "expiresAt", soon.toString(), "refreshToken", login.refreshToken(),
                "clientId", client.clientId(), "clientSecret", client.clientSecret(),
                "registrationExpiresAt", Instant.ofEpochSecond(client.clientSecretExpiresAt()).toString()));

        JsonNode identity = node(Map.of("HOME", dir.resolve("home").toString(), "AWS_CONFIG_FILE", config.toString(),
                "AWS_ENDPOINT_URL", base), line -> { }, "profile.mjs", "dev");

        assertThat(identity.path("Account").asText()).isEqualTo(TestDirectory.SANDBOX);
        assertThat(identity.path("Arn").asText()).matches(ARN.formatted(TestDirectory.SANDBOX, "ReadOnlyAccess", "alice"));
        assertThat(identity.path("UserId").asText()).matches("AROA[A-Z2-7]{17}:alice");
        JsonNode token = JSON.readTree(cached.toFile());
        assertThat(token.path("accessToken").asText()).startsWith("ghat_").isNotEqualTo(login.accessToken());
        assertThat(token.path("refreshToken").asText()).startsWith("ghrt_").isNotEqualTo(login.refreshToken());
        assertThat(Instant.parse(token.path("expiresAt").asText())).isAfter(soon.plus(Duration.ofMinutes(50)));
        assertThat(token.path("clientId").asText()).isEqualTo(client.clientId());
        try (SsoClient sso = service.sdkClient()) {
            assertThat(sso.listAccounts(r -> r.accessToken(token.path("accessToken").asText())).accountList()).hasSize(3);
        }
    }

    /** Runs flow.mjs, approving its code for alice, and checks everything it saw; returns its RESULT. */
    private JsonNode runAndCheckTheFlow() throws Exception {
        SignInSession alice = service.session("alice");
        Instant before = service.clock.instant(); // the test's clock stands still unless moved

        JsonNode result = runFlow(alice);

        JsonNode device = result.path("device");
        assertThat(device.path("userCode").asText()).matches("[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}");
        assertThat(device.path("verificationUriComplete").asText())
                .isEqualTo(service.baseUrl() + "/device?user_code=" + device.path("userCode").asText());
        assertThat(device.path("expiresIn").asInt()).isEqualTo(600);
        assertThat(device.path("interval").asInt()).isEqualTo(1);
        // the first poll precedes the USER_CODE line, so at least one AuthorizationPendingException;
        // (slowDowns is not checked: the test's clock stands still, so by it a third poll while still
        // pending, were the approval here ever to take seconds, would be too fast)
        assertThat(device.path("pending").asInt()).as("AuthorizationPendingException polls").isPositive();
        assertThat(result.path("client").path("secretExpiresAt").asLong())
                .isEqualTo(before.plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(result.path("tokens").path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(result.path("tokens").path("expiresIn").asInt()).isEqualTo(3600);
        assertThat(result.path("tokens").path("hasRefreshToken").asBoolean()).isTrue();

        // the access portal: every account over two pages (nextToken followed), roles, credentials
        JsonNode accounts = result.path("accounts");
        assertThat(texts(accounts, "accountId"))
                .containsExactly(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX);
        assertThat(texts(accounts, "accountName")).containsExactly("Production", "Development", "Sandbox");
        assertThat(texts(accounts, "emailAddress"))
                .containsExactly("prod@example.com", "dev@example.com", "sandbox@example.com");
        assertThat(result.path("accountPages").asInt()).isEqualTo(2);
        assertThat(texts(result.path("roles"), "roleName")).containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(texts(result.path("roles"), "accountId")).containsOnly(TestDirectory.PROD);
        JsonNode credentials = result.path("credentials");
        assertThat(credentials.path("accountId").asText()).isEqualTo(TestDirectory.PROD);
        assertThat(credentials.path("roleName").asText()).isEqualTo("AdministratorAccess");
        assertThat(credentials.path("accessKeyId").asText()).matches("ASIA[A-Z0-9]{16}");
        assertThat(credentials.path("hasSecret").asBoolean()).isTrue();
        assertThat(credentials.path("hasSessionToken").asBoolean()).isTrue();
        assertThat(credentials.path("expiration").asLong()).isEqualTo(before.plus(Duration.ofHours(1)).toEpochMilli());
        // not in the sso model, so (as from AWS) the SDK's base class, named for the x-amzn-ErrorType
        assertError(result.path("unknownRole"), "ForbiddenException", 403, "No access");
        assertThat(result.path("unknownRole").path("type").asText()).isEqualTo("SSOServiceException");

        // STS GetCallerIdentity, signed by the JavaScript SDK's SigV4 signer with those credentials
        JsonNode identity = result.path("identity");
        assertThat(identity.path("status").asInt()).isEqualTo(200);
        assertThat(identity.path("Account").asText()).isEqualTo(TestDirectory.PROD);
        assertThat(identity.path("Arn").asText()).matches(ARN.formatted(TestDirectory.PROD, "AdministratorAccess", "alice"));
        assertThat(identity.path("UserId").asText()).matches("AROA[A-Z2-7]{17}:alice");
        assertThat(identity.path("requestId").asText()).isNotBlank();

        // refresh-token rotation
        JsonNode refreshed = result.path("refreshed");
        assertThat(refreshed.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(refreshed.path("expiresIn").asInt()).isEqualTo(3600);
        assertThat(refreshed.path("newAccessToken").asBoolean()).isTrue();
        assertThat(refreshed.path("rotatedRefreshToken").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(refreshed.path("accounts").spliterator(), false).map(JsonNode::asText))
                .containsExactly(TestDirectory.PROD, TestDirectory.DEV, TestDirectory.SANDBOX);

        // Logout: the SDK's typed UnauthorizedException after it, and the sign-in session is over
        JsonNode afterLogout = result.path("afterLogout");
        assertError(afterLogout, "UnauthorizedException", 401, "Session token not found or invalid");
        assertThat(afterLogout.path("type").asText()).isEqualTo("UnauthorizedException");
        assertThat(afterLogout.path("unauthorizedException").asBoolean()).as("instanceof UnauthorizedException").isTrue();
        assertThat(service.gatehouse.sessions().ended(alice.id())).isTrue();
        assertThat(service.gatehouse.sessions().active(alice.id())).isEmpty();

        // the OIDC SDK's typed errors, with the OAuth error members it unmarshalled
        for (String call : List.of("refreshAfterLogout", "wrongDeviceCode")) {
            JsonNode error = result.path(call);
            assertThat(error.path("name").asText()).as(call).isEqualTo("InvalidGrantException");
            assertThat(error.path("type").asText()).as(call).isEqualTo("InvalidGrantException");
            assertThat(error.path("status").asInt()).as(call).isEqualTo(400);
            assertThat(error.path("error").asText()).as(call).isEqualTo("invalid_grant");
            assertThat(error.path("errorDescription").asText()).as(call).isNotBlank();
            assertThat(error.path("requestId").asText()).as(call).isNotBlank();
        }
        return result;
    }

    private static void assertError(JsonNode error, String name, int status, String message) {
        assertThat(error.path("name").asText()).as("error name in %s", error).isEqualTo(name);
        assertThat(error.path("status").asInt()).as("status in %s", error).isEqualTo(status);
        assertThat(error.path("message").asText()).as("message in %s", error).isEqualTo(message);
        assertThat(error.path("fault").asText()).isEqualTo("client");
        assertThat(error.path("requestId").asText()).isNotBlank();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    /** Runs flow.mjs against the service, approving its device code for {@code session} when it prints it. */
    private JsonNode runFlow(SignInSession session) throws Exception {
        return node(Map.of(), line -> {
            if (line.startsWith("USER_CODE ")) {
                service.gatehouse.deviceAuthorizations().approve(line.substring("USER_CODE ".length()).strip(), session);
            }
        }, "flow.mjs", service.baseUrl().toString());
    }

    /**
     * Runs {@code node <script> <args>} in compat/js, handing each line it prints to {@code onLine},
     * and returns its RESULT. The SDK sees none of this machine's AWS settings: every AWS_ variable
     * is removed, the config and credentials files point at nothing (unless {@code env} says
     * otherwise), and the instance metadata service is off.
     */
    private JsonNode node(Map<String, String> env, Consumer<String> onLine, String script, String... args)
            throws Exception {
        Path stderr = dir.resolve(script + ".stderr");
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(COMPAT_JS.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        Process node = builder.start();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        try {
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(node, stdout, onLine));
            if (!node.waitFor(FLOW_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("node " + script + " did not finish within " + FLOW_TIMEOUT + report(stdout, stderr));
            }
            reading.get(10, TimeUnit.SECONDS);
            assertThat(node.exitValue()).as("exit code of node %s%s", script, report(stdout, stderr)).isZero();
        } finally {
            node.destroyForcibly();
        }
        System.out.println("node " + script + report(stdout, stderr)); // to target/surefire-reports
        String result = stdout.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line" + report(stdout, stderr)));
        return JSON.readTree(result.substring("RESULT ".length()));
    }

    private static void read(Process node, List<String> stdout, Consumer<String> onLine) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                stdout.add(line);
                onLine.accept(line);
            }
        } catch (IOException | RuntimeException e) {
            node.destroyForcibly(); // else flow.mjs would poll until the device code expires
            throw new IllegalStateException("while reading what node printed", e);
        }
    }

    private static String report(List<String> stdout, Path stderr) {
        String errors;
        try {
            errors = Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            errors = "(unreadable: " + e + ")";
        }
        return "\n--- stdout ---\n" + String.join("\n", stdout) + "\n--- stderr ---\n" + errors;
    }

    /** Why the JavaScript SDK cannot run here, or null when it can. */
    private static String missingNode() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                version.destroyForcibly();
                return "`node --version` failed";
            }
        } catch (IOException e) {
            return "Node.js (`node`) is not on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        for (String module : List.of("client-sso", "client-sso-oidc", "client-sts")) {
            if (!Files.isDirectory(COMPAT_JS.resolve("node_modules/@aws-sdk/" + module))) {
                return COMPAT_JS.resolve("node_modules/@aws-sdk/" + module) + " is missing";
            }
        }
        return null;
    }
}
