package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.Main;
import dev.gatehouse.cli.aws.CacheKeys;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.server.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse credentials}: credential_process JSON alone on stdout, the role-credential cache,
 * the refresh of an expiring token — and many callers at once on an expiring token making exactly
 * one refresh and one GetRoleCredentials (counted by a proxy in front of the service), in threads
 * and in child processes.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CredentialsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_TOKEN = "POST /token";
    private static final String GET_ROLE_CREDENTIALS = "GET /federation/credentials";

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    CountingProxy proxy;
    CliHarness cli;
    SsoTokenCache tokens;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        proxy = new CountingProxy(service.baseUrl());
        cli = new CliHarness(home);
        cli.standardConfig(service.baseUrl(), proxy.baseUrl());
        cli.sleeper = d -> service.clock.advance(d);
        tokens = new SsoTokenCache(cli.files().ssoCache());
    }

    @AfterEach
    void stop() {
        proxy.close();
        service.close();
    }

    private void login() {
        cli.browser = new PageBrowser().approveDeviceCode(service, "alice");
        CliHarness.Result login = cli.run("login", "--profile", "dev", "--use-device-code");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    /** Rewrites the cached token as if it had only {@code left} to live. */
    private SsoToken expiringIn(Duration left) throws Exception {
        SsoToken token = tokens.read("gh").orElseThrow();
        SsoToken expiring = new SsoToken(token.startUrl(), token.region(), token.accessToken(), Instant.now().plus(left),
                token.clientId(), token.clientSecret(), token.registrationExpiresAt(), token.refreshToken());
        tokens.write("gh", expiring);
        return expiring;
    }

    private Path roleEntry() {
        return cli.files().cliCache().resolve(CacheKeys.roleCredentialsFile("111111111111", "AdministratorAccess", "gh", null));
    }

    private static JsonNode credentialProcessJson(String stdout) throws Exception {
        assertThat(stdout).endsWith("\n").doesNotContain("\n\n");
        assertThat(stdout.strip().lines()).hasSize(1);
        JsonNode json = JSON.readTree(stdout);
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration");
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(json.get("AccessKeyId").asText()).matches("ASIA[A-Z0-9]{16}");
        assertThat(json.get("Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        return json;
    }

    @Test
    void printsCredentialProcessJsonAloneOnStdoutAndReusesTheCachedRoleCredentials() throws Exception {
        login();
        CliHarness.Result first = cli.run("credentials", "--profile", "dev");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).isEmpty();
        JsonNode json = credentialProcessJson(first.out());
        assertThat(Instant.parse(json.get("Expiration").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(proxy.count(GET_ROLE_CREDENTIALS)).isEqualTo(1);
        JsonNode cached = JSON.readTree(roleEntry().toFile());
        assertThat(cached.get("ProviderType").asText()).isEqualTo("sso");
        assertThat(cached.at("/Credentials/AccessKeyId").asText()).isEqualTo(json.get("AccessKeyId").asText());

        CliHarness.Result second = cli.run("credentials", "--profile", "dev");
        assertThat(second.exitCode()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(credentialProcessJson(second.out())).isEqualTo(json);
        assertThat(proxy.count(GET_ROLE_CREDENTIALS)).as("answered from the cache").isEqualTo(1);

        // another role of the same session has its own entry
        CliHarness.Result readOnly = cli.run("credentials", "--profile", "ro");
        assertThat(readOnly.exitCode()).isZero();
        assertThat(credentialProcessJson(readOnly.out()).get("AccessKeyId")).isNotEqualTo(json.get("AccessKeyId"));
        assertThat(proxy.count(GET_ROLE_CREDENTIALS)).isEqualTo(2);
    }

    @Test
    void anExpiringTokenIsRefreshedAndWrittenBack() throws Exception {
        login();
        SsoToken before = expiringIn(Duration.ofMinutes(5));
        int createTokens = proxy.count(CREATE_TOKEN);

        CliHarness.Result result = cli.run("credentials", "--profile", "dev");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        credentialProcessJson(result.out());
        assertThat(proxy.count(CREATE_TOKEN) - createTokens).isEqualTo(1);
        SsoToken after = tokens.read("gh").orElseThrow();
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(after.refreshToken()).isPresent().isNotEqualTo(before.refreshToken());
        assertThat(after.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(after.clientId()).isEqualTo(before.clientId());
        assertThat(after.registrationExpiresAt()).isEqualTo(before.registrationExpiresAt());
    }

    @Test
    void twentyCallersAtOnceOnAnExpiringTokenMakeOneRefreshAndOneGetRoleCredentials() throws Exception {
        login();
        expiringIn(Duration.ofMinutes(5));
        int createTokens = proxy.count(CREATE_TOKEN);
        int fetches = proxy.count(GET_ROLE_CREDENTIALS);

        int callers = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CliHarness.Result>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return cli.run("credentials", "--profile", "dev");
                }, pool));
            }
            go.countDown();
            List<String> keys = new ArrayList<>();
            for (CompletableFuture<CliHarness.Result> run : runs) {
                CliHarness.Result result = run.get(120, TimeUnit.SECONDS);
                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.err()).isEmpty();
                keys.add(credentialProcessJson(result.out()).get("AccessKeyId").asText());
            }
            assertThat(keys).hasSize(callers).containsOnly(keys.getFirst());
        }
        assertThat(proxy.count(CREATE_TOKEN) - createTokens).as("CreateToken calls").isEqualTo(1);
        assertThat(proxy.count(GET_ROLE_CREDENTIALS) - fetches).as("GetRoleCredentials calls").isEqualTo(1);
        assertThat(tokens.read("gh").orElseThrow().expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }

    @Test
    void fiveProcessesAtOnceOnAnExpiringTokenMakeOneRefreshAndOneGetRoleCredentials() throws Exception {
        login();
        expiringIn(Duration.ofMinutes(5));
        int createTokens = proxy.count(CREATE_TOKEN);
        int fetches = proxy.count(GET_ROLE_CREDENTIALS);

        List<ChildJvm> children = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            children.add(ChildJvm.start(home, Map.of(), Main.class, "credentials", "--profile", "dev"));
        }
        List<String> keys = new ArrayList<>();
        for (ChildJvm child : children) {
            ChildJvm.Exit exit = child.await();
            assertThat(exit.code()).as(exit.err()).isZero();
            keys.add(credentialProcessJson(exit.out()).get("AccessKeyId").asText());
        }
        assertThat(keys).containsOnly(keys.getFirst());
        assertThat(proxy.count(CREATE_TOKEN) - createTokens).as("CreateToken calls").isEqualTo(1);
        assertThat(proxy.count(GET_ROLE_CREDENTIALS) - fetches).as("GetRoleCredentials calls").isEqualTo(1);
    }

    @Test
    void withoutACachedTokenItSaysToLogInAndExitsOne() {
        CliHarness.Result result = cli.run("credentials", "--profile", "dev");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no cached SSO token for sso-session gh").contains("run gatehouse login --profile dev");
    }

    @Test
    void anExpiredTokenThatCannotBeRefreshedSaysToLogIn() throws Exception {
        login();
        SsoToken token = tokens.read("gh").orElseThrow();
        tokens.write("gh", new SsoToken(token.startUrl(), token.region(), token.accessToken(),
                Instant.now().minus(Duration.ofMinutes(1)), token.clientId(), token.clientSecret(),
                token.registrationExpiresAt(), Optional.empty()));
        CliHarness.Result result = cli.run("credentials", "--profile", "dev");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("has expired and cannot be refreshed (no refresh token)")
                .contains("run gatehouse login --profile dev");
    }

    @Test
    void aLoggedOutSessionSaysToLogIn() throws Exception {
        login();
        assertThat(cli.run("logout", "--profile", "dev").exitCode()).isZero();
        // the token file is gone; put the dead token back, as a stale copy would be
        login();
        String accessToken = tokens.read("gh").orElseThrow().accessToken();
        Path file = tokens.fileFor("gh");
        String saved = Files.readString(file);
        assertThat(cli.run("logout", "--sso-session", "gh").exitCode()).isZero();
        Files.writeString(file, saved);
        assertThat(tokens.read("gh").orElseThrow().accessToken()).isEqualTo(accessToken);

        CliHarness.Result result = cli.run("credentials", "--profile", "dev");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("was refused").contains("run gatehouse login --profile dev");
    }

    @Test
    void usageErrorsAreExitTwoAndAProfileWithoutARoleIsExitOne() {
        assertThat(cli.run("credentials", "--profile").exitCode()).isEqualTo(2);
        assertThat(cli.run("credentials", "--nope").exitCode()).isEqualTo(2);
        CliHarness.Result noRole = cli.run("credentials", "--profile", "default");
        assertThat(noRole.exitCode()).isEqualTo(1);
        assertThat(noRole.err()).contains("not set up for SSO");
    }
}
