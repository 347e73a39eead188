package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The group commit's promises, watched through its batch writer: a caller returns only once the
 * batch holding its write has been written with a synced WAL, a failed batch fails every caller in
 * it (none is told its write is durable), and the committer goes on with the next group, after an
 * Error too.
 */
class GroupCommitterTest {
    static {
        RocksDB.loadLibrary();
    }

    /** What the writer saw of each batch it was given, in order. */
    private record Seen(int writes, boolean synced) {
    }

    /**
     * A batch writer that the test drives: each batch waits for a verdict from the test (null to
     * write it, an exception to fail it) after telling the test it has arrived.
     */
    private static final class ScriptedWriter implements GroupCommitter.BatchWriter {
        final BlockingQueue<Seen> arrived = new LinkedBlockingQueue<>();
        final BlockingQueue<AtomicReference<RocksDBException>> verdicts = new LinkedBlockingQueue<>();

        @Override
        public void write(WriteOptions options, WriteBatch batch) throws RocksDBException {
            arrived.add(new Seen(batch.count(), options.sync()));
            try {
                RocksDBException failure = verdicts.take().get();
                if (failure != null) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RocksDBException("interrupted");
            }
        }

        Seen nextBatch() throws InterruptedException {
            Seen seen = arrived.poll(10, TimeUnit.SECONDS);
            assertThat(seen).as("a batch reached the writer").isNotNull();
            return seen;
        }

        void write() {
            verdicts.add(new AtomicReference<>());
        }

        void fail() {
            verdicts.add(new AtomicReference<>(new RocksDBException("disk full")));
        }
    }

    /** One caller of {@link GroupCommitter#commit}, on its own thread. */
    private static final class Caller {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch returned = new CountDownLatch(1);
        final Thread thread;

        Caller(GroupCommitter committer, Consumer<WriteBatch> operation) {
            thread = Thread.ofPlatform().start(() -> {
                try {
                    committer.commit(operation);
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    returned.countDown();
                }
            });
        }

        /**
         * Blocks until the caller is parked on its commit's future (queued, waiting to be told), or
         * has returned; true when parked. No timing: a caller acknowledged too early never parks.
         */
        boolean waiting() throws InterruptedException {
            while (thread.getState() != Thread.State.TERMINATED) {
                Object blocker = LockSupport.getBlocker(thread);
                if (blocker != null && blocker.getClass().getName().startsWith(CompletableFuture.class.getName())) {
                    return true;
                }
                Thread.sleep(1);
            }
            return false;
        }

        void awaitReturn() throws InterruptedException {
            assertThat(returned.await(10, TimeUnit.SECONDS)).as("the caller returned").isTrue();
        }
    }

    private final ScriptedWriter writer = new ScriptedWriter();
    private final GroupCommitter committer = new GroupCommitter(writer);
    private final List<Caller> callers = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            writer.write();
        }
        committer.close();
        for (Caller caller : callers) {
            caller.thread.join(10_000);
        }
    }

    private Caller caller() {
        return caller(batch -> put(batch, "key"));
    }

    private Caller caller(Consumer<WriteBatch> operation) {
        Caller caller = new Caller(committer, operation);
        callers.add(caller);
        return caller;
    }

    private static void put(WriteBatch batch, String key) {
        try {
            batch.put(key.getBytes(StandardCharsets.UTF_8), new byte[] {1});
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallerIsAcknowledgedOnlyAfterItsBatchIsWrittenWithASyncedLog() throws Exception {
        Caller caller = caller();
        Seen batch = writer.nextBatch();
        assertThat(batch.synced()).as("fsync'd WAL").isTrue();
        assertThat(batch.writes()).isEqualTo(1);
        assertThat(caller.waiting()).as("still waiting while its batch is being written").isTrue();
        writer.write();
        caller.awaitReturn();
        assertThat(caller.failure.get()).isNull();
        assertThat(committer.stats()).containsExactly(1, 1);
    }

    @Test
    void writesThatArriveDuringACommitGoTogetherInTheNext() throws Exception {
        Caller first = caller();
        writer.nextBatch();
        List<Caller> group = List.of(caller(), caller(), caller(), caller(), caller());
        for (Caller c : group) {
            assertThat(c.waiting()).isTrue();
        }
        writer.write();
        first.awaitReturn();
        Seen second = writer.nextBatch();
        assertThat(second.writes()).isEqualTo(5);
        for (Caller c : group) {
            assertThat(c.waiting()).as("not acknowledged before its group is written").isTrue();
        }
        writer.write();
        for (Caller c : group) {
            c.awaitReturn();
            assertThat(c.failure.get()).isNull();
        }
        assertThat(committer.stats()).containsExactly(6, 2);
    }

    @Test
    void aFailedWriteFailsEveryCallerOfItsGroupAndTheNextGroupGoesOn() throws Exception {
        Caller first = caller();
        writer.nextBatch();
        List<Caller> group = List.of(caller(), caller(), caller(), caller());
        for (Caller c : group) {
            assertThat(c.waiting()).isTrue();
        }
        writer.write();
        first.awaitReturn();
        assertThat(writer.nextBatch().writes()).isEqualTo(4);
        writer.fail();
        for (Caller c : group) {
            c.awaitReturn();
            assertThat(c.failure.get()).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("disk full");
        }
        assertThat(first.failure.get()).as("the earlier group is not affected").isNull();

        Caller after = caller();
        writer.nextBatch();
        writer.write();
        after.awaitReturn();
        assertThat(after.failure.get()).isNull();
        assertThat(committer.stats()).as("failed writes are not counted as committed").containsExactly(2, 2);
    }

    @Test
    void anOperationThatCannotJoinTheBatchFailsItsWholeGroupBeforeAnythingIsWritten() throws Exception {
        Caller first = caller();
        writer.nextBatch();
        Caller good = caller();
        assertThat(good.waiting()).isTrue();
        Caller bad = caller(batch -> {
            throw new IllegalStateException("cannot encode");
        });
        assertThat(bad.waiting()).isTrue();
        writer.write();
        first.awaitReturn();
        good.awaitReturn();
        bad.awaitReturn();
        assertThat(good.failure.get()).isInstanceOf(StoreUnavailableException.class);
        assertThat(bad.failure.get()).isInstanceOf(StoreUnavailableException.class);
        assertThat(writer.arrived).as("the group never reached the writer").isEmpty();
    }

    /**
     * An Error (an OutOfMemoryError, say) while the group is built fails the group like an exception
     * and does not end the committer's thread, which would leave its callers and every later write
     * waiting for ever.
     */
    @Test
    void anErrorWhileWritingFailsItsGroupAndTheNextGroupIsStillWritten() throws Exception {
        Caller broken = caller(batch -> {
            throw new OutOfMemoryError("simulated");
        });
        broken.awaitReturn();
        assertThat(broken.failure.get()).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("simulated");

        Caller after = caller();
        assertThat(writer.nextBatch().writes()).isEqualTo(1);
        writer.write();
        after.awaitReturn();
        assertThat(after.failure.get()).isNull();
        assertThat(committer.stats()).containsExactly(1, 1);
    }

    @Test
    void closingWritesWhatIsQueuedAndThenRefusesWrites() throws Exception {
        Caller first = caller();
        writer.nextBatch();
        Caller queued = caller();
        assertThat(queued.waiting()).isTrue();
        Thread closer = Thread.ofPlatform().start(committer::close);
        writer.write();
        writer.nextBatch();
        writer.write();
        closer.join(10_000);
        first.awaitReturn();
        queued.awaitReturn();
        assertThat(first.failure.get()).isNull();
        assertThat(queued.failure.get()).as("queued before close: written, not dropped").isNull();
        assertThatThrownBy(() -> committer.commit(batch -> put(batch, "late")))
                .isInstanceOf(StoreUnavailableException.class);
    }

    /**
     * Writers racing close: each write is either written or refused, and no caller is left waiting.
     * Without the admission lock a caller that had passed the "closed?" check as close finished put
     * its write in a queue nobody read any more and waited for ever: about one round in 60 here, so
     * 300 rounds catch it nearly always.
     */
    @Test
    void aWriteRacingCloseIsWrittenOrRefusedNeverLeftWaiting() throws Exception {
        for (int round = 0; round < 300; round++) {
            GroupCommitter racing = new GroupCommitter((options, batch) -> { });
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(Thread.ofPlatform().daemon(true).start(() -> {
                    try {
                        while (true) {
                            racing.commit(batch -> put(batch, "k"));
                        }
                    } catch (StoreUnavailableException closed) {
                        // the end of this writer
                    }
                }));
            }
            Thread.sleep(1);
            racing.close();
            for (Thread writer : writers) {
                writer.join(5_000);
                assertThat(writer.isAlive()).as("round " + round + ": a writer still waits after close").isFalse();
            }
        }
    }
}
