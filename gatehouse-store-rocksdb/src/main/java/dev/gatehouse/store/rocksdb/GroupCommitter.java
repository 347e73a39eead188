package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Group commit: one thread takes every write waiting in the queue, puts them in one batch, and
 * writes that batch with a synced WAL (one fsync for the whole group). Each caller blocks until
 * its write is on disk. Under load the group grows, so throughput rises while each caller still
 * waits for at most about two fsyncs. A failed batch fails every caller in it; none is told its
 * write is durable. Once {@link #close} starts, a write is refused; what was queued before is written.
 */
final class GroupCommitter implements AutoCloseable {
    private static final int MAX_GROUP = 4096;

    private final BatchWriter writer;
    private final WriteOptions synced = new WriteOptions().setSync(true);
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private volatile boolean closing;
    /** Held shared while a write is let into the queue, alone while closing starts: none slips in after. */
    private final ReadWriteLock admission = new ReentrantReadWriteLock();

    GroupCommitter(RocksDB db) {
        this(db::write);
    }

    /** With another writer than RocksDB's: the seam through which tests watch and fail the batches. */
    GroupCommitter(BatchWriter writer) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().name("gatehouse-group-commit").daemon(true).start(this::run);
    }

    /** Adds the operation to the next group and waits until that group is durable. */
    void commit(Consumer<WriteBatch> operation) {
        PendingWrite write = new PendingWrite(operation, new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (closing) {
                throw new StoreUnavailableException("The store is closed", null);
            }
            queue.add(write);
        } finally {
            admission.readLock().unlock();
        }
        try {
            write.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Writes committed so far and the number of fsync'd groups they took. */
    long[] stats() {
        return new long[] {writes.get(), groups.get()};
    }

    private void run() {
        List<PendingWrite> group = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                PendingWrite first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void writeGroup(List<PendingWrite> group) {
        try (WriteBatch batch = new WriteBatch()) {
            for (PendingWrite write : group) {
                write.operation().accept(batch);
            }
            writer.write(synced, batch);
            groups.incrementAndGet();
            writes.addAndGet(group.size());
            group.forEach(w -> w.done().complete(null));
        } catch (RocksDBException | RuntimeException | Error e) {
            // never acknowledged; and an Error too must reach the callers rather than end this
            // thread, which would leave them and every later write waiting for ever
            StoreUnavailableException failure = new StoreUnavailableException("The store could not write: " + e.getMessage(), e);
            group.forEach(w -> w.done().completeExceptionally(failure));
        }
    }

    @Override
    public void close() {
        admission.writeLock().lock();
        try {
            closing = true;
        } finally {
            admission.writeLock().unlock();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PendingWrite left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new StoreUnavailableException("The store is closed", null));
        }
        synced.close();
    }

    /** Writes one batch with the given options: {@link RocksDB#write}. */
    @FunctionalInterface
    interface BatchWriter {
        void write(WriteOptions options, WriteBatch batch) throws RocksDBException;
    }

    private record PendingWrite(Consumer<WriteBatch> operation, CompletableFuture<Void> done) {
    }
}
