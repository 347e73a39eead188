package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Group commit: one thread takes every write waiting in the queue, puts them in one batch, and
 * writes that batch with a synced WAL (one fsync for the whole group). Each caller blocks until
 * its write is on disk. Under load the group grows, so throughput rises while each caller still
 * waits for at most about two fsyncs.
 */
final class GroupCommitter implements AutoCloseable {
    private static final int MAX_GROUP = 4096;

    private final RocksDB db;
    private final WriteOptions synced = new WriteOptions().setSync(true);
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private volatile boolean closing;

    GroupCommitter(RocksDB db) {
        this.db = db;
        this.thread = Thread.ofPlatform().name("gatehouse-group-commit").daemon(true).start(this::run);
    }

    /** Adds the operation to the next group and waits until that group is durable. */
    void commit(Consumer<WriteBatch> operation) {
        if (closing) {
            throw new StoreUnavailableException("The store is closed", null);
        }
        PendingWrite write = new PendingWrite(operation, new CompletableFuture<>());
        queue.add(write);
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
            db.write(synced, batch);
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
        closing = true;
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

    private record PendingWrite(Consumer<WriteBatch> operation, CompletableFuture<Void> done) {
    }
}
