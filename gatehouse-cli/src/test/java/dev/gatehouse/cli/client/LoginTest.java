package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.aws.CacheKeys;
import dev.gatehouse.cli.aws.ClientRegistration;
import dev.gatehouse.cli.aws.RegistrationCache;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.server.TestService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse login} against a real Gatehouse: PKCE through the pages, the device flow through
 * the domain's approval; the token file it writes is then used by the stock AWS SDK for Java v2
 * ({@code ProfileCredentialsProvider} on the sso-session profile, in a child JVM with the same HOME).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LoginTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    CliHarness cli;
    PageBrowser browser;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        cli = new CliHarness(home);
        cli.standardConfig(service.baseUrl(), service.baseUrl());
        cli.sleeper = d -> service.clock.advance(d); // the device flow's waits pass on the service's clock
        browser = new PageBrowser();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private SsoToken cachedToken(String key) throws Exception {
        return new SsoTokenCache(cli.files().ssoCache()).read(key).orElseThrow();
    }

    @Test
    void pkceLoginWritesTheCliTokenFileAndTheSdkGetsRoleCredentialsWithIt() throws Exception {
        cli.browser = browser.pkce("alice", "approve");
        Instant before = Instant.now();
        CliHarness.Result result = cli.run("login", "--profile", "dev");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Successfully logged into Start URL: " + service.baseUrl() + "/start\n");
        assertThat(result.err()).contains("Waiting for the sign-in to finish in the browser");
        URI authorize = browser.opened.getFirst();
        assertThat(authorize.getPath()).isEqualTo("/authorize");
        Map<String, String> params = PageBrowser.query(authorize);
        assertThat(params.keySet()).containsExactly("response_type", "client_id", "redirect_uri", "state",
                "code_challenge_method", "scopes", "code_challenge");
        assertThat(params.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
        assertThat(params.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(params.get("scopes")).isEqualTo("sso:account:access");

        Path file = cli.files().ssoCache().resolve(CacheKeys.tokenFile("gh"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("startUrl", "region", "accessToken",
                "expiresAt", "clientId", "clientSecret", "registrationExpiresAt", "refreshToken");
        assertThat(json.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        SsoToken token = cachedToken("gh");
        assertThat(token.region()).isEqualTo("us-east-1");
        assertThat(token.expiresAt()).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));

        ClientRegistration registration = new RegistrationCache(cli.files().ssoCache()).read(cli.files().ssoCache().resolve(
                CacheKeys.registrationFile(service.baseUrl() + "/start", "us-east-1", List.of("sso:account:access"), "gh")))
                .orElseThrow();
        assertThat(registration.grantTypes()).containsExactly("authorization_code", "refresh_token");
        assertThat(registration.clientId()).isEqualTo(token.clientId().orElseThrow());

        // the SDK of this build skips [services] sections: it is pointed at the service with AWS_ENDPOINT_URL
        ChildJvm.Exit sdk = ChildJvm.start(home, Map.of("AWS_ENDPOINT_URL", service.baseUrl().toString()),
                SdkProbe.class, "dev").await();
        assertThat(sdk.code()).as(sdk.err()).isZero();
        assertThat(sdk.out()).containsPattern("AccessKeyId=ASIA[A-Z0-9]{16}").contains("SessionToken=yes");
    }

    @Test
    void deviceCodeLoginWritesATokenFileTheSdkAccepts() throws Exception {
        cli.standardConfigWithProfileEndpoints(service.baseUrl(), service.baseUrl());
        cli.browser = browser.approveDeviceCode(service, "alice");
        CliHarness.Result result = cli.run("login", "--sso-session", "gh", "--use-device-code");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Successfully logged into Start URL: " + service.baseUrl() + "/start\n");
        assertThat(result.err()).containsPattern("Code: [A-Z]{4}-[A-Z]{4}").contains("/device")
                .contains("Waiting for the code to be confirmed");
        assertThat(browser.opened.getFirst().getQuery()).startsWith("user_code=");
        SsoToken token = cachedToken("gh");
        assertThat(token.refreshToken()).isPresent();

        // endpoint_url of the profile, read by gatehouse and the SDK alike (the SDK's client takes AWS_PROFILE)
        ChildJvm.Exit sdk = ChildJvm.start(home, Map.of("AWS_PROFILE", "dev"), SdkProbe.class, "dev").await();
        assertThat(sdk.code()).as(sdk.err()).isZero();
        assertThat(sdk.out()).containsPattern("AccessKeyId=ASIA[A-Z0-9]{16}");
    }

    @Test
    void aLegacyProfileSignsInWithTheDeviceCodeAndIsKeyedByItsStartUrl() throws Exception {
        cli.browser = browser.approveDeviceCode(service, "alice");
        CliHarness.Result result = cli.run("login", "--profile", "old");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(cachedToken(service.baseUrl() + "/start").startUrl()).isEqualTo(service.baseUrl() + "/start");
        assertThat(Files.exists(cli.files().ssoCache().resolve(CacheKeys.tokenFile(service.baseUrl() + "/start")))).isTrue();
    }

    @Test
    void theDefaultProfileComesFromAwsProfileAndAGoodRegistrationIsReused() throws Exception {
        cli.env.put("AWS_PROFILE", "dev");
        cli.browser = browser.pkce("alice", "approve");
        assertThat(cli.run("login").exitCode()).isZero();
        String firstClient = cachedToken("gh").clientId().orElseThrow();
        String firstAccess = cachedToken("gh").accessToken();

        assertThat(cli.run("login").exitCode()).isZero();
        assertThat(cachedToken("gh").clientId()).contains(firstClient);
        assertThat(cachedToken("gh").accessToken()).isNotEqualTo(firstAccess);
    }

    @Test
    void aRegistrationTheServiceForgotIsReplaced() throws Exception {
        cli.browser = browser.pkce("alice", "approve");
        Path registration = cli.files().ssoCache().resolve(
                CacheKeys.registrationFile(service.baseUrl() + "/start", "us-east-1", List.of("sso:account:access"), "gh"));
        new RegistrationCache(cli.files().ssoCache()).write(registration, new ClientRegistration("unknown-client",
                "unknown-secret", Instant.now().plus(Duration.ofDays(30)), List.of("sso:account:access"),
                List.of("authorization_code", "refresh_token")));

        CliHarness.Result result = cli.run("login", "--profile", "dev");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(cachedToken("gh").clientId()).isPresent().get().isNotEqualTo("unknown-client");
    }

    @Test
    void noBrowserPrintsTheUrlAndTheCodeAndWaits() throws Exception {
        CompletableFuture<CliHarness.Result> login = CompletableFuture.supplyAsync(() -> {
            try {
                return runCapturingLive("login", "--profile", "dev", "--use-device-code", "--no-browser");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        String userCode = awaitUserCode();
        service.gatehouse.deviceAuthorizations().approve(userCode, service.session("alice"));
        CliHarness.Result result = login.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("Attempting to open");
        assertThat(cachedToken("gh").accessToken()).isNotBlank();
    }

    private final java.io.StringWriter liveErr = new java.io.StringWriter();

    private CliHarness.Result runCapturingLive(String... args) throws InterruptedException {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine line = dev.gatehouse.cli.Main.commandLine(cli.environment());
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(liveErr, true));
        int exit = line.execute(args);
        return new CliHarness.Result(exit, out.toString(), liveErr.toString());
    }

    private String awaitUserCode() throws InterruptedException {
        Pattern code = Pattern.compile("Code: ([A-Z]{4}-[A-Z]{4})");
        for (int i = 0; i < 300; i++) {
            Matcher m;
            synchronized (liveErr) {
                m = code.matcher(liveErr.toString());
            }
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no user code printed: " + liveErr);
    }

    @Test
    void aDeniedConsentFailsWithExitOne() {
        cli.browser = browser.pkce("alice", "deny");
        CliHarness.Result result = cli.run("login", "--profile", "dev");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Failed to retrieve an authorization code: access_denied");
        assertThat(Files.exists(cli.files().ssoCache().resolve(CacheKeys.tokenFile("gh")))).isFalse();
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() {
        cli.browser = url -> {
            URI callback = URI.create(PageBrowser.query(url).get("redirect_uri") + "?code=stolen&state=not-ours");
            try (var http = java.net.http.HttpClient.newHttpClient()) {
                http.send(java.net.http.HttpRequest.newBuilder(callback).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        };
        CliHarness.Result result = cli.run("login", "--profile", "dev");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("different state");
    }

    @Test
    void badUsageIsExitTwoAndAProfileWithoutSsoIsExitOne() {
        assertThat(cli.run("login", "--profile", "dev", "--sso-session", "gh").exitCode()).isEqualTo(2);
        assertThat(cli.run("login", "--bogus").exitCode()).isEqualTo(2);
        CliHarness.Result missing = cli.run("login", "--profile", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope").contains("is not in");
        CliHarness.Result notSso = cli.run("login", "--profile", "default");
        assertThat(notSso.exitCode()).isEqualTo(1);
        assertThat(notSso.err()).contains("not set up for SSO");
    }
}
