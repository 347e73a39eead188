package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What only the PostgreSQL adapter has to show: several instances on one database (the directory's
 * writes in version order and its unique keys among them too), and losing the database.
 */
class PostgresStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final List<String> SCHEMAS = new ArrayList<>();

    private static synchronized String newSchema() {
        String schema = TestPostgres.newSchemaName();
        SCHEMAS.add(schema);
        return schema;
    }

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas(SCHEMAS);
    }

    private static SignInSession session(String id) {
        return new SignInSession(id, "alice", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
    }

    @Test
    void instancesStartingTogetherAgreeOnTheInstanceKeyAndSeeEachOthersWrites() throws Exception {
        String schema = newSchema();
        String url = TestPostgres.jdbcUrl();
        List<PostgresStore> stores = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<PostgresStore>> opening = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opening.add(pool.submit(() -> PostgresStore.open(url, schema)));
            }
            for (Future<PostgresStore> f : opening) {
                stores.add(f.get());
            }
        }
        try {
            byte[] key = stores.get(0).instanceKey();
            assertThat(key).hasSize(32);
            assertThat(stores).allSatisfy(s -> assertThat(s.instanceKey()).isEqualTo(key));

            PostgresStore a = stores.get(0);
            PostgresStore b = stores.get(1);
            a.createSession(session("s1"));
            b.endSession("s1", NOW.plusSeconds(5));
            assertThat(a.findSession("s1").orElseThrow().endedAt()).contains(NOW.plusSeconds(5));
            a.endSession("s1", NOW.plusSeconds(10));
            assertThat(b.findSession("s1").orElseThrow().endedAt()).contains(NOW.plusSeconds(5));
        } finally {
            stores.forEach(PostgresStore::close);
        }
    }

    @Test
    void instancesTakeFromTheSameRateLimitBucket() {
        String schema = newSchema();
        String url = TestPostgres.jdbcUrl();
        BucketConfiguration tenPerMinute = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(10).refillIntervally(10, Duration.ofMinutes(1)))
                .build();
        try (PostgresStore a = PostgresStore.open(url, schema); PostgresStore b = PostgresStore.open(url, schema)) {
            Bucket onA = a.rateLimitBuckets().getProxy("token:t1", () -> tenPerMinute);
            Bucket onB = b.rateLimitBuckets().getProxy("token:t1", () -> tenPerMinute);
            assertThat(onA.tryConsume(6)).isTrue();
            assertThat(onB.getAvailableTokens()).isEqualTo(4);
            assertThat(onB.tryConsume(4)).isTrue();
            assertThat(onA.tryConsume(1)).as("emptied through the other instance").isFalse();
            assertThat(b.rateLimitBuckets().getProxy("token:t2", () -> tenPerMinute).tryConsume(10))
                    .as("another key has its own bucket").isTrue();
        }
    }

    @Test
    void whileOneInstancePurgesTheOthersLeaveItToIt() throws Exception {
        String schema = newSchema();
        try (PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), schema);
             java.sql.Connection other = java.sql.DriverManager.getConnection(TestPostgres.jdbcUrl());
             java.sql.Statement sql = other.createStatement()) {
            store.createSession(session("old"));
            Instant cutoff = NOW.plus(Duration.ofDays(1));
            // another instance's purge, as far as the lock goes
            sql.execute("SET search_path TO " + schema);
            sql.execute("SELECT pg_advisory_lock(hashtext(current_schema() || '.gatehouse-purge'))");
            assertThat(store.purgeExpiredBefore(cutoff)).isZero();
            assertThat(store.findSession("old")).as("left to the instance holding the lock").isPresent();

            sql.execute("SELECT pg_advisory_unlock(hashtext(current_schema() || '.gatehouse-purge'))");
            assertThat(store.purgeExpiredBefore(cutoff)).isEqualTo(1);
            assertThat(store.findSession("old")).isEmpty();
        }
    }

    private static EntryWrite putUser(String id, String userName) {
        return new EntryWrite.Put(new StoredEntry("user", id, List.of("user-name:" + userName),
                userName.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInstanceFollowingTheLogSeesEveryVersionWrittenOnOthersInOrder() throws Exception {
        String schema = newSchema();
        String url = TestPostgres.jdbcUrl();
        int writers = 8;
        int writesEach = 25;
        int total = writers * writesEach;
        try (PostgresStore a = PostgresStore.open(url, schema); PostgresStore b = PostgresStore.open(url, schema);
             PostgresStore follower = PostgresStore.open(url, schema);
             var pool = Executors.newFixedThreadPool(writers + 1)) {
            Future<Map<String, StoredEntry>> followed = pool.submit(() -> {
                // what LiveDirectory does, a change at a time, recording every version it is handed
                Map<String, StoredEntry> view = new HashMap<>();
                List<Long> seen = new ArrayList<>();
                long version = 0;
                while (version < total) {
                    DirectoryChanges changes = follower.directoryChangesAfter(version);
                    assertThat(changes.complete()).isTrue();
                    for (DirectoryChanges.Change change : changes.changes()) {
                        seen.add(change.version());
                        change.entry().ifPresentOrElse(e -> view.put(e.id(), e), () -> view.remove(change.id()));
                    }
                    version = changes.version();
                }
                assertThat(seen).as("every version once, in order, none skipped for committing late")
                        .isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
                return view;
            });
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                PostgresStore via = w % 2 == 0 ? a : b;
                int writer = w;
                writing.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        String id = "u" + writer + "-" + i;
                        via.writeDirectory(List.of(putUser(id, id)), NOW);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writing) {
                f.get();
            }
            Map<String, StoredEntry> view = followed.get(30, TimeUnit.SECONDS);
            DirectorySnapshot stored = follower.loadDirectory();
            assertThat(stored.version()).isEqualTo(total);
            assertThat(view.values()).containsExactlyInAnyOrderElementsOf(stored.entries());
        }
    }

    @Test
    void twoInstancesClaimingOneUserNameAtOnceGiveItToOne() throws Exception {
        String schema = newSchema();
        String url = TestPostgres.jdbcUrl();
        try (PostgresStore a = PostgresStore.open(url, schema); PostgresStore b = PostgresStore.open(url, schema);
             var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 20; round++) {
                String name = "name" + round;
                Future<Long> onA = pool.submit(() -> a.writeDirectory(List.of(putUser("a" + name, name)), NOW));
                Future<Long> onB = pool.submit(() -> b.writeDirectory(List.of(putUser("b" + name, name)), NOW));
                int won = 0;
                for (Future<Long> f : List.of(onA, onB)) {
                    try {
                        f.get();
                        won++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(UniqueKeyTakenException.class,
                                taken -> assertThat(taken.key()).isEqualTo("user-name:" + name));
                    }
                }
                assertThat(won).as("round %d", round).isEqualTo(1);
            }
            DirectorySnapshot snapshot = b.loadDirectory();
            assertThat(snapshot.version()).as("a refused write takes no version").isEqualTo(20);
            assertThat(snapshot.entries()).hasSize(20);
        }
    }

    @Test
    void aPoolTimeoutIsBusyUnlessConnectingFailed() {
        var exhausted = new java.sql.SQLTransientConnectionException("Connection is not available, request timed out");
        assertThat(Database.isPoolExhausted(exhausted)).isTrue();
        assertThat(Database.isConnectionLoss(exhausted)).isFalse();
        var refused = new java.sql.SQLTransientConnectionException("Connection is not available", "08001",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        assertThat(Database.isPoolExhausted(refused)).isFalse();
        assertThat(Database.isConnectionLoss(refused)).isTrue();
    }

    @Test
    void losingTheDatabaseFailsWritesAsUnavailableAndTheStoreRecoversByItself() throws Exception {
        String schema = newSchema();
        try (TcpProxy proxy = new TcpProxy(TestPostgres.targetHost(), TestPostgres.targetPort()).start();
             PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrlThroughPort(proxy.port()), schema)) {
            store.createSession(session("s1"));
            assertThat(store.unavailableReason()).isEmpty();

            proxy.cut();

            assertThatThrownBy(() -> store.createSession(session("s2")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("PostgreSQL unreachable");
            // a Logout that could not be committed is not acknowledged
            assertThatThrownBy(() -> store.endSession("s1", NOW.plusSeconds(1)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(store.unavailableReason())
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("PostgreSQL unreachable: "));

            proxy.start();

            // The pool reconnects by itself (its retries back off to a few seconds); no reopen, no restart.
            long start = System.nanoTime();
            Duration deadline = Duration.ofSeconds(20);
            while (store.unavailableReason().isPresent()) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline);
                Thread.sleep(100);
            }
            System.err.printf("Store available again %d ms after the database came back%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(store.findSession("s2")).isEmpty();
            assertThat(store.findSession("s1").orElseThrow().endedAt()).isEmpty();
            store.endSession("s1", NOW.plusSeconds(2));
            assertThat(store.findSession("s1").orElseThrow().endedAt()).contains(NOW.plusSeconds(2));
        }
    }

    @Test
    void aValuePostgreSqlCannotStoreIsABugNotAnOutage() {
        try (PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), newSchema())) {
            var client = new RegisteredClient("c1", new byte[32], "bad\u0000name", "public", List.of(), List.of(),
                    List.of(), NOW, NOW.plus(Duration.ofDays(90)));
            // NUL in a text: PostgreSQL's "invalid byte sequence" (SQLState 22021); retrying cannot help
            assertThatThrownBy(() -> store.saveClient(client))
                    .isInstanceOf(IllegalStateException.class)
                    .isNotInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("SQLState 22021");
            assertThat(store.unavailableReason()).isEmpty();
        }
    }

    @Test
    void aClosedStoreIsUnavailable() {
        PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), newSchema());
        store.close();
        assertThatThrownBy(() -> store.createSession(session("s1"))).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.unavailableReason()).contains("the store is closed");
    }

    @Test
    void aDatabaseThatCannotBeReachedAtStartIsReportedAsUnavailable() {
        assertThatThrownBy(() -> PostgresStore.open(TestPostgres.jdbcUrlThroughPort(deadPort()), newSchema()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("PostgreSQL unreachable: ");
    }

    private static int deadPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
