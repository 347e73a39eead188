package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.OutsideTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged Logout is never undone by a power cut: Logouts stream into a server whose data
 * directory is watched by {@link DropUnsynced}; after a random number of 200s it is cut (SIGKILL
 * with about {@value #IN_FLIGHT} Logouts in flight), the directory is rebuilt from what was synced
 * only, and on a copy of it no token whose Logout was ever acknowledged may work, while one that was
 * never logged out still does (asked of the store directly: thousands of tokens would meet the
 * server's rate limits). Cycles chain: the next one runs on the
 * rebuilt directory, so RocksDB's recovery (replaying the WAL, flushing it, starting a new WAL) is
 * itself cut. {@code -Dgatehouse.powerCuts=100} runs more cycles; {@code -Dgatehouse.powerCutSeed}
 * repeats one run.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class PowerCutTest {
    private static final int CUTS = Integer.getInteger("gatehouse.powerCuts", 3);
    private static final int MAX_ACKS_BEFORE_CUT = 300;
    private static final int IN_FLIGHT = 32;

    @RegisterExtension
    static final OutsideTool COMPILER = DropUnsynced.COMPILER;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // on failure, the directories are the evidence
    Path dir;

    @Test
    void acknowledgedLogoutsSurvivePowerCuts() throws Exception {
        long seed = Long.getLong("gatehouse.powerCutSeed", System.nanoTime());
        System.out.println("PowerCutTest: " + CUTS + " cuts, -Dgatehouse.powerCutSeed=" + seed);
        Random random = new Random(seed);
        Path library = DropUnsynced.build(dir);
        Path data = dir.resolve("data-0");
        List<String> tokens = LogoutWorkload.seedTokens(data, CUTS * (MAX_ACKS_BEFORE_CUT + IN_FLIGHT) + 1);
        String survivor = tokens.removeLast();
        Iterator<String> unused = tokens.iterator();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        try (LogoutWorkload workload = new LogoutWorkload()) {
            for (int cut = 1; cut <= CUTS; cut++) {
                DropUnsynced drop = DropUnsynced.watch(library, data.resolve("rocksdb"), dir.resolve("shadow-" + cut));
                try (ServerProcess server = ServerProcess.start(data, drop.environment())) {
                    logOutUntilCut(workload, server, unused, acknowledged, 1 + random.nextInt(MAX_ACKS_BEFORE_CUT));
                }
                data = dir.resolve("data-" + cut);
                drop.restoreInto(data.resolve("rocksdb"));
                Path check = dir.resolve("check-" + cut); // a copy: the next cut runs on the image itself
                copy(data.resolve("rocksdb"), check.resolve("rocksdb"));
                List<String> asked = new ArrayList<>(acknowledged);
                asked.add(survivor);
                assertThat(LogoutWorkload.stillWorking(check, asked))
                        .as("the acknowledged Logouts' tokens and one never logged out, after cut %d of %d "
                                + "(seed %d; data kept in %s)", cut, CUTS, seed, dir)
                        .containsExactly(survivor);
                deleteRecursively(check);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CUTS);
        System.out.println("PowerCutTest: " + CUTS + " cuts, " + acknowledged.size() + " acknowledged Logouts, none undone");
    }

    /** Keeps {@value #IN_FLIGHT} Logouts in flight and cuts once {@code acks} were acknowledged. */
    private static void logOutUntilCut(LogoutWorkload workload, ServerProcess server, Iterator<String> unused,
                                       Set<String> acknowledged, int acks) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger acked = new AtomicInteger();
        while (acked.get() < acks) {
            slots.acquire();
            String token = unused.next();
            workload.logout(server.baseUrl(), token).whenComplete((response, failure) -> {
                // a 200 that arrives after the kill was still sent after its fsync: it counts too
                if (response != null && response.statusCode() == 200) {
                    acknowledged.add(token);
                    acked.incrementAndGet();
                }
                slots.release();
            });
        }
        server.kill();
        slots.acquire(IN_FLIGHT); // every Logout in flight has its answer or its error
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
