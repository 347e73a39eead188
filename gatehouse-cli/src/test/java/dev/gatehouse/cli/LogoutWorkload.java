package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** The crash tests' workload: signed-in tokens made in advance, Logouts over HTTP, and the check. */
final class LogoutWorkload implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sign-in sessions made through the domain, in process, before a server owns the data. */
    static List<String> seedTokens(Path dataDir, int count) {
        try (RocksDbStore store = RocksDbStore.open(dataDir.resolve("rocksdb"))) {
            // thousands of sessions of one user: no cap, or each start would end the oldest
            Gatehouse gatehouse = Gatehouse.create(ConfigLoader.demo().directory()
                    .withControls(DirectoryFile.Controls.NO_SESSION_CAP), store, InstantSource.system());
            User alice = gatehouse.directory().user(ConfigLoader.DEMO_USER).orElseThrow();
            return new ArrayList<>(IntStream.range(0, count).parallel()
                    .mapToObj(i -> gatehouse.tokens().issueAccessToken(gatehouse.sessions().start(alice), "test").secret())
                    .toList());
        }
    }

    /**
     * The tokens that still work on the data in {@code dataDir}, asked of the store directly (opening
     * it recovers it, as a server would), so that thousands are checked without meeting a rate limit.
     */
    static List<String> stillWorking(Path dataDir, Collection<String> tokens) {
        try (RocksDbStore store = RocksDbStore.open(dataDir.resolve("rocksdb"))) {
            Gatehouse gatehouse = Gatehouse.create(ConfigLoader.demo().directory(), store, InstantSource.system());
            return tokens.stream().filter(t -> gatehouse.tokens().verify(TokenKind.ACCESS, t).isPresent()).toList();
        }
    }

    CompletableFuture<HttpResponse<String>> logout(URI base, String token) {
        return http.sendAsync(request(base, "/logout", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status ListAccounts answers for the token: 401 once it was logged out. */
    int listAccounts(URI base, String token) throws Exception {
        return http.send(request(base, "/assignment/accounts", token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpRequest.Builder request(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("x-amz-sso_bearer_token", token);
    }

    @Override
    public void close() {
        http.close();
    }
}
