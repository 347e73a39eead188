package dev.gatehouse.bench;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.limits.SharedRateLimitBuckets;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The server the benchmark drives: the real service on a fresh RocksDB store, with sign-in sessions
 * seeded in process (there is no HTTP backdoor that mints tokens) and their tokens written to files
 * for wrk. Rate limits are off so that the numbers show the service, not the limiter; load
 * shedding stays on. Adds {@code GET /hello} (the ceiling: a bare answer from the I/O thread) and
 * {@code GET /bench/stats} (group-commit counters).
 *
 * <p>Usage: {@code BenchServer DATA_DIR PORT READ_TOKENS LOGOUT_TOKENS}. With {@code BENCH_STORE} set
 * to a PostgreSQL JDBC URL (and {@code BENCH_SCHEMA} to a schema), the store is PostgreSQL instead,
 * so several of these processes can serve one data set ({@code bench/run-instances}); with
 * {@code BENCH_LIMITS=shared} the per-token rate limit is on, its buckets in the database; with
 * {@code BENCH_DIRECTORY=large} the directory is the issue's large one ({@link LargeDirectory}) around
 * the demo directory, whose user alice the reads are made as.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int readTokens = Integer.parseInt(args[2]);
        int logoutTokens = Integer.parseInt(args[3]);

        String storeUrl = System.getenv("BENCH_STORE");
        GatehouseStore store = storeUrl == null
                ? RocksDbStore.open(dir.resolve("rocksdb"))
                : PostgresStore.open(storeUrl, System.getenv("BENCH_SCHEMA"));
        // every seeded session is one user's: no cap, or each start would end the oldest (and read them all)
        DirectoryFile demo = ConfigLoader.demo().directory().withControls(DirectoryFile.Controls.NO_SESSION_CAP);
        boolean large = "large".equals(System.getenv("BENCH_DIRECTORY"));
        long importStarted = System.nanoTime();
        Gatehouse gatehouse = Gatehouse.create(large ? LargeDirectory.around(demo) : demo, store,
                InstantSource.system());
        System.out.printf("directory: %s, %d users, %d assignments, imported in %.1f s%n", large ? "large" : "demo",
                gatehouse.directory().users().size(), gatehouse.directory().assignments().size(),
                (System.nanoTime() - importStarted) / 1e9);
        User alice = gatehouse.directory().user(ConfigLoader.DEMO_USER).orElseThrow();

        long started = System.nanoTime();
        write(dir.resolve("read-tokens.txt"), seed(gatehouse, alice, readTokens));
        write(dir.resolve("logout-tokens.txt"), seed(gatehouse, alice, logoutTokens));
        System.out.printf("seeded %d sessions in %.1f s (%s)%n", readTokens + logoutTokens,
                (System.nanoTime() - started) / 1e9, commitStats(store));

        GatehouseServer server = GatehouseServer.start(gatehouse, settings(store, port),
                routes -> routes
                        .get("/hello", exchange -> {
                            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                            exchange.getResponseSender().send("hello");
                        })
                        .get("/bench/stats", exchange -> exchange.getResponseSender().send(commitStats(store) + "\n")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
        }));
        System.out.println("ready " + server.baseUrl());
        Thread.currentThread().join();
    }

    /** Rate limits off, so that the numbers show the service; or the per-token limit, shared. */
    private static ServerSettings settings(GatehouseStore store, int port) {
        boolean shared = "shared".equals(System.getenv("BENCH_LIMITS")) && store instanceof PostgresStore;
        // wrk sends everything from one address, so the per-address limit stays off either way
        Limits limits = new Limits(shared ? Limits.DEFAULTS.perToken() : RateLimit.OFF, RateLimit.OFF,
                Limits.DEFAULTS.maxInFlight());
        ServerSettings settings = ServerSettings.of("127.0.0.1", port, limits);
        if ("off".equals(System.getenv("BENCH_AUDIT_LOG"))) {
            settings = settings.withAuditLog(record -> { });
        }
        return shared
                ? settings.withBuckets(new SharedRateLimitBuckets(((PostgresStore) store).rateLimitBuckets()))
                : settings;
    }

    private static String commitStats(GatehouseStore store) {
        if (store instanceof RocksDbStore rocks) {
            long[] stats = rocks.commitStats();
            return "writes=" + stats[0] + " groups=" + stats[1];
        }
        return "store=postgresql";
    }

    /** Starts {@code count} sign-in sessions concurrently (so their writes share group commits). */
    private static List<String> seed(Gatehouse gatehouse, User user, int count)
            throws InterruptedException, ExecutionException {
        List<Future<String>> futures = new ArrayList<>(count);
        // many at once so that RocksDB groups them into few fsyncs; PostgreSQL commits each on its own
        // through a pool of 16 connections, and a deeper queue only waits longer
        Semaphore concurrency = new Semaphore(gatehouse.store() instanceof PostgresStore ? 64 : 2048);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                concurrency.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        return gatehouse.tokens().issueAccessToken(gatehouse.sessions().start(user), "bench").secret();
                    } finally {
                        concurrency.release();
                    }
                }));
            }
        }
        List<String> tokens = new ArrayList<>(count);
        for (Future<String> f : futures) {
            tokens.add(f.get());
        }
        return tokens;
    }

    private static void write(Path file, List<String> tokens) throws IOException {
        Files.write(file, tokens, StandardCharsets.US_ASCII);
    }
}
