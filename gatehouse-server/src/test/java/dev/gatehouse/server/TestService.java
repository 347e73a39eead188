package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * A real Gatehouse on a random loopback port, on a real RocksDB store in a temporary directory,
 * with a clock the test moves. Sign-in sessions are made through the domain, in process.
 */
public final class TestService implements AutoCloseable {
    public final MutableClock clock = MutableClock.atNow();
    public final RocksDbStore store;
    public final Gatehouse gatehouse;
    public final GatehouseServer server;

    public TestService(Path dataDir) {
        this(dataDir, Limits.DEFAULTS);
    }

    public TestService(Path dataDir, Limits limits) {
        this(dataDir, limits, TestDirectory.create());
    }

    public TestService(Path dataDir, DirectoryFile directory) {
        this(dataDir, Limits.DEFAULTS, directory);
    }

    private TestService(Path dataDir, Limits limits, DirectoryFile directory) {
        store = RocksDbStore.open(dataDir);
        gatehouse = Gatehouse.create(directory, store, clock);
        server = GatehouseServer.start(gatehouse, ServerSettings.of("127.0.0.1", 0, limits));
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    /** Signs the user in (as the sign-in page will) and returns a new access token of that session. */
    public String signIn(String userName) {
        return accessToken(session(userName));
    }

    public SignInSession session(String userName) {
        return gatehouse.sessions().start(gatehouse.directory().user(userName).orElseThrow());
    }

    public String accessToken(SignInSession session) {
        return gatehouse.tokens().issueAccessToken(session, "test-client").secret();
    }

    /** The stock AWS SDK for Java v2 client, pointed at this service. */
    public SsoClient sdkClient() {
        return sdkClient(o -> o.retryPolicy(RetryMode.STANDARD));
    }

    /** The SDK client with retries off, so that a 429 surfaces at once. */
    public SsoClient sdkClientWithoutRetries() {
        return sdkClient(o -> o.retryPolicy(p -> p.numRetries(0)));
    }

    public SsoClient sdkClient(Consumer<ClientOverrideConfiguration.Builder> override) {
        return StockSdk.sso(baseUrl(), override);
    }

    /** Waits (up to 10 s) until exactly this many requests are being served, and insists on it. */
    public void awaitInFlight(int requests) throws InterruptedException {
        for (int i = 0; i < 1000 && server.inFlight() != requests; i++) {
            Thread.sleep(10);
        }
        if (server.inFlight() != requests) {
            throw new AssertionError("expected " + requests + " requests in flight, found " + server.inFlight());
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
