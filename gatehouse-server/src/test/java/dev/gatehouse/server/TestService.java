package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import dev.gatehouse.server.audit.JsonLinesAuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * A real Gatehouse on a random loopback port, on a real RocksDB store in a temporary directory,
 * with a clock the test moves, writing its audit log to a file of its own. Sign-in sessions are made
 * through the domain, in process.
 */
public final class TestService implements AutoCloseable {
    public final MutableClock clock = MutableClock.atNow();
    public final RocksDbStore store;
    public final Gatehouse gatehouse;
    public final GatehouseServer server;
    /** The JSON-lines audit log, in a directory of its own that closing removes. */
    public final Path auditLog;

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
        try {
            auditLog = Files.createTempDirectory("gatehouse-audit").resolve("audit.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = GatehouseServer.start(gatehouse, ServerSettings.of("127.0.0.1", 0, limits)
                .withAuditLog(JsonLinesAuditLog.appendingTo(auditLog)));
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

    /** The lines of the audit log so far (each written whole and flushed before its request answered). */
    public List<String> auditLines() {
        try {
            return Files.readAllLines(auditLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the store holds every audit record made so far, so that ListAuditEvents finds them. */
    public void flushAudit() {
        try {
            if (!gatehouse.audit().flush(Duration.ofSeconds(10))) {
                throw new AssertionError("the audit records did not reach the store within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
        try {
            Files.deleteIfExists(auditLog);
            Files.deleteIfExists(auditLog.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
