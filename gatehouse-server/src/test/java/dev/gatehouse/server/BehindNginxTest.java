package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.store.postgres.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.InvalidRequestException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * Two instances on one PostgreSQL behind a real nginx configured with the documented example
 * ({@code docs/nginx/gatehouse.conf}, only its ports changed), driven with the stock AWS SDKs through
 * the one base URL. nginx comes from Debian's packages ({@code .ci/run} installs it); elsewhere the
 * tests are skipped when there is no nginx (see {@link OutsideTool}).
 */
class BehindNginxTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "nginx", "gatehouse.conf");
    private static final List<String> NGINX_PATHS = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx");

    @RegisterExtension
    static final OutsideTool NGINX = new OutsideTool("nginx",
            () -> nginxBinary() == null ? "no executable nginx at " + String.join(", ", NGINX_PATHS) : null,
            "apt-get install nginx-light");

    @TempDir
    Path dir;
    private final String schema = TestPostgres.newSchemaName();
    private PostgresInstance a;
    private PostgresInstance b;
    private Process nginx;

    @BeforeEach
    void startInstances() {
        DirectoryFile directory = TestDirectory.create();
        a = PostgresInstance.start(TestPostgres.jdbcUrl(), schema, directory, Limits.DEFAULTS);
        b = PostgresInstance.start(TestPostgres.jdbcUrl(), schema, directory, Limits.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (PostgresInstance instance : new PostgresInstance[] {b, a}) {
            if (instance != null) { // null when starting it failed
                instance.close();
            }
        }
        TestPostgres.dropSchemas(List.of(schema));
    }

    @Test
    void theStockSdksWorkThroughOneBaseUrlAndALogoutHoldsOnEveryInstance() throws Exception {
        URI base = startNginx(example());
        try (SsoOidcClient oidc = StockSdk.oidc(base); SsoClient sso = StockSdk.sso(base)) {
            var client = oidc.registerClient(r -> r.clientName("behind-nginx").clientType("public"));
            var started = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(base + "/start"));
            assertThat(started.verificationUri()).as("URLs name the proxy, not an instance").isEqualTo(base + "/device");
            var alice = b.gatehouse().directory().user("alice").orElseThrow();
            b.gatehouse().deviceAuthorizations().approve(started.userCode(), b.gatehouse().sessions().start(alice));
            var tokens = oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                    .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(started.deviceCode()));

            for (int i = 0; i < 4; i++) { // round robin: both instances answer
                assertThat(sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).hasSize(3);
            }
            String served = Files.readString(dir.resolve("access.log"));
            assertThat(served).contains(":" + a.base().getPort() + " ").contains(":" + b.base().getPort() + " ");
            sso.logout(r -> r.accessToken(tokens.accessToken()));
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(tokens.accessToken())))
                        .isInstanceOf(UnauthorizedException.class);
            }
        }
    }

    @Test
    void metricsAreNotServedThroughTheProxyButByEachInstance() throws Exception {
        URI base = startNginx(example());
        assertThat(Scrapes.scrape(base).statusCode()).isEqualTo(403);
        assertThat(Scrapes.scrape(a.base()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutUnderscoresInHeadersNginxDropsTheAccessToken() throws Exception {
        String config = example();
        assertThat(config).contains("underscores_in_headers on;");
        URI base = startNginx(config.replace("underscores_in_headers on;", ""));
        String token = b.accessToken("alice");
        try (SsoClient sso = StockSdk.sso(base)) {
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("x-amz-sso_bearer_token is missing");
        }
    }

    @Test
    void anInstanceThatIsDownIsRoutedAround() throws Exception {
        URI base = startNginx(example());
        String token = b.accessToken("alice");
        a.close();
        try (SsoClient sso = StockSdk.sso(base, o -> o.retryPolicy(p -> p.numRetries(0)))) {
            for (int i = 0; i < 4; i++) {
                assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
            }
        }
    }

    private static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    /** Runs nginx in the foreground with the example (ports changed) inside a minimal nginx.conf. */
    private URI startNginx(String example) throws Exception {
        int port = freePort();
        String site = example
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + a.base().getPort() + ";")
                .replace("server 127.0.0.1:8082;", "server 127.0.0.1:" + b.base().getPort() + ";");
        Files.writeString(dir.resolve("gatehouse.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                    log_format upstream '$upstream_addr $status';
                    access_log %1$s/access.log upstream;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/gatehouse.conf;
                }
                """.formatted(dir.toAbsolutePath()));
        nginx = new ProcessBuilder(nginxBinary(), "-p", dir.toAbsolutePath().toString(), "-e",
                dir.resolve("error.log").toAbsolutePath().toString(), "-c", dir.resolve("nginx.conf").toAbsolutePath().toString(),
                "-g", "daemon off;" + (isRoot() ? " user root;" : ""))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accepts(port)) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("nginx.out"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            Thread.sleep(50);
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    private static String nginxBinary() {
        for (String candidate : NGINX_PATHS) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
