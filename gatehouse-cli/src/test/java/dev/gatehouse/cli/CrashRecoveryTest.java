package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged Logout is never undone: a server in a child JVM acknowledges N concurrent
 * Logouts, is killed with SIGKILL right after the last 200, and restarted on the same data; none
 * of the N tokens may work again, while a token that was not logged out still does.
 */
class CrashRecoveryTest {
    private static final int LOGOUTS = 300;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedLogoutsSurviveSigkill() throws Exception {
        List<String> tokens = seedTokens(LOGOUTS + 1);
        String survivor = tokens.removeLast();

        ServerProcess first = ServerProcess.start(dataDir);
        List<CompletableFuture<HttpResponse<String>>> logouts = new ArrayList<>();
        for (String token : tokens) {
            logouts.add(http.sendAsync(request(first.baseUrl(), "/logout", token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new)).join();
        first.kill();
        assertThat(logouts).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));

        try (ServerProcess second = ServerProcess.start(dataDir)) {
            for (String token : tokens) {
                assertThat(listAccounts(second.baseUrl(), token).statusCode()).as("a logged-out token").isEqualTo(401);
            }
            assertThat(listAccounts(second.baseUrl(), survivor).statusCode()).isEqualTo(200);
        }
    }

    /** Sign-in sessions are made through the domain, in process, before the server owns the data. */
    private List<String> seedTokens(int count) {
        try (RocksDbStore store = RocksDbStore.open(dataDir.resolve("rocksdb"))) {
            Gatehouse gatehouse = Gatehouse.create(ConfigLoader.demo().directory(), store, InstantSource.system());
            User alice = gatehouse.directory().user(ConfigLoader.DEMO_USER).orElseThrow();
            return new ArrayList<>(IntStream.range(0, count).parallel()
                    .mapToObj(i -> gatehouse.tokens().issueAccessToken(gatehouse.sessions().start(alice), "test").secret())
                    .toList());
        }
    }

    private HttpResponse<String> listAccounts(URI base, String token) throws Exception {
        return http.send(request(base, "/assignment/accounts", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("x-amz-sso_bearer_token", token);
    }
}
