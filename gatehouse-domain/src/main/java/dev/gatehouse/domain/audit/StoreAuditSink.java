package dev.gatehouse.domain.audit;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps audit records in the store. {@link #synchronous} writes each one before {@code accept}
 * returns; {@link #batched} hands them to one writer thread that stores what has gathered in one write
 * (at most {@value #BATCH} records), so that a busy service pays one durable write per batch rather
 * than one per event. A batched record reaches the store within moments; while the store cannot
 * serve, the writer keeps its batch and tries again, and {@code accept} waits once
 * {@value #CAPACITY} records are waiting. A batch the store refuses for its content is tried again
 * one record at a time, so that one record it cannot take does not cost the others. Closing writes
 * out what is left; a record accepted after that is written in the caller's thread.
 */
public final class StoreAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAuditSink.class);
    static final int BATCH = 500;
    static final int CAPACITY = 20_000;
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final AuditRecord STOP = null;

    private final AuditStore store;
    private final BlockingQueue<AuditRecord> queue;
    private final Thread writer;
    private volatile boolean closing;
    /** Records handed to the writer, and records it is done with (stored, or given up on): for {@link #flush}. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    private StoreAuditSink(AuditStore store, boolean batched) {
        this.store = store;
        this.queue = batched ? new ArrayBlockingQueue<>(CAPACITY) : null;
        this.writer = batched ? Thread.ofPlatform().daemon().name("gatehouse-audit-writer").unstarted(this::writeLoop) : null;
        if (writer != null) {
            writer.start();
        }
    }

    public static StoreAuditSink synchronous(AuditStore store) {
        return new StoreAuditSink(store, false);
    }

    public static StoreAuditSink batched(AuditStore store) {
        return new StoreAuditSink(store, true);
    }

    @Override
    public void accept(AuditRecord record) {
        if (queue == null || closing) {
            store.appendAudit(List.of(record));
            return;
        }
        try {
            queue.put(record);
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while handing audit record {} ({}) to the store writer", record.id(),
                    record.event().wireName());
        }
    }

    /**
     * Waits until the writer is done with every record accepted before this call (stored, or given up
     * on after a refusal other than {@link StoreUnavailableException}), or {@code timeout} passes; for tests.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = accepted.get();
        while (queue != null && done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void writeLoop() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (!(closing && queue.isEmpty())) {
            try {
                AuditRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == STOP) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeWithRetries(batch);
                done.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void writeWithRetries(List<AuditRecord> batch) throws InterruptedException {
        while (true) {
            try {
                store.appendAudit(batch);
                return;
            } catch (StoreUnavailableException e) {
                if (closing) {
                    LOG.error("The store cannot take {} audit records on the way down ({}); they are in the audit log only",
                            batch.size(), e.getMessage());
                    return;
                }
                LOG.warn("The store cannot take {} audit records now ({}); trying again", batch.size(), e.getMessage());
                Thread.sleep(RETRY.toMillis());
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    LOG.error("The store refused audit record {} ({}); it is in the audit log only", batch.getFirst().id(),
                            batch.getFirst().event().wireName(), e);
                    return;
                }
                LOG.warn("The store refused a batch of {} audit records; storing them one at a time", batch.size());
                for (AuditRecord record : batch) {
                    writeWithRetries(List.of(record));
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        closing = true;
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.error("{} audit records were not stored before the service stopped; they are in the audit log only",
                    queue.size());
        }
    }
}
