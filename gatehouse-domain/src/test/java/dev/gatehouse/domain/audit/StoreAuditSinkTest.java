package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audit records into the store: synchronously, or batched by one writer thread that stores everything
 * it accepted by a flush or the close, in batches of at most {@link StoreAuditSink#BATCH}, and keeps
 * trying while the store is unavailable.
 */
class StoreAuditSinkTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    private final RecordingStore store = new RecordingStore();
    private final List<StoreAuditSink> opened = new ArrayList<>();

    @AfterEach
    void closeSinks() {
        opened.forEach(StoreAuditSink::close);
    }

    private StoreAuditSink batched() {
        StoreAuditSink sink = StoreAuditSink.batched(store);
        opened.add(sink);
        return sink;
    }

    private static List<AuditRecord> records(int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = T0.plusMillis(i);
            records.add(new AuditRecord(AuditIds.next(time), time, AuditEvent.TOKEN_REFRESHED, AuditOutcome.SUCCESS,
                    Optional.of("ann"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Map.of("n", String.valueOf(i)), time.plus(Duration.ofDays(1))));
        }
        return records;
    }

    @Test
    void synchronousStoresEachRecordBeforeAcceptReturns() {
        StoreAuditSink sink = StoreAuditSink.synchronous(store);
        for (AuditRecord record : records(3)) {
            sink.accept(record);
            assertThat(store.stored()).endsWith(record);
        }
        assertThat(store.batchSizes()).containsExactly(1, 1, 1);
    }

    @Test
    void batchedStoresEverythingAcceptedByTheFlushInBatchesOfAtMostTheLimit() throws InterruptedException {
        StoreAuditSink sink = batched();
        List<AuditRecord> records = records(StoreAuditSink.BATCH * 2 + 7);
        records.forEach(sink::accept);

        assertThat(sink.flush(WAIT)).isTrue();

        assertThat(store.stored()).containsExactlyElementsOf(records);
        assertThat(store.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, StoreAuditSink.BATCH));
    }

    @Test
    void closingStoresWhatIsStillWaiting() {
        StoreAuditSink sink = StoreAuditSink.batched(store);
        List<AuditRecord> records = records(1_000);
        records.forEach(sink::accept);

        sink.close();

        assertThat(store.stored()).containsExactlyElementsOf(records);
    }

    @Test
    void whileTheStoreIsUnavailableTheWriterKeepsItsBatchAndTriesAgain() throws InterruptedException {
        store.unavailableFor(2);
        StoreAuditSink sink = batched();
        List<AuditRecord> records = records(5);
        records.forEach(sink::accept);

        assertThat(sink.flush(WAIT)).isTrue();

        assertThat(store.stored()).containsExactlyElementsOf(records);
        assertThat(store.refusals()).isEqualTo(2);
    }

    @Test
    void aBatchTheStoreRefusesForItsContentIsGivenUpAndTheWriterGoesOn() throws InterruptedException {
        StoreAuditSink sink = batched();
        store.refuseContent(true);
        sink.accept(records(1).getFirst());
        assertThat(sink.flush(WAIT)).isTrue();
        store.refuseContent(false);
        AuditRecord next = records(2).getLast();
        sink.accept(next);

        assertThat(sink.flush(WAIT)).isTrue();

        assertThat(store.stored()).containsExactly(next);
    }

    @Test
    void aRecordTheStoreRefusesCostsNoOtherRecordOfItsBatch() throws InterruptedException {
        List<AuditRecord> records = records(4);
        store.holdFirstWrite();
        store.refuseRecord(records.get(2).id());
        StoreAuditSink sink = batched();
        sink.accept(records.getFirst());
        store.awaitHeldWrite();
        records.subList(1, 4).forEach(sink::accept);
        store.releaseHeldWrite();

        assertThat(sink.flush(WAIT)).isTrue();

        assertThat(store.stored()).containsExactly(records.get(0), records.get(1), records.get(3));
    }

    @Test
    void aRecordAcceptedAfterTheCloseIsStoredAtOnce() {
        StoreAuditSink sink = StoreAuditSink.batched(store);
        sink.close();
        AuditRecord late = records(1).getFirst();

        sink.accept(late);

        assertThat(store.stored()).containsExactly(late);
    }

    /** An audit store that keeps what it is given, can be unavailable for a number of writes, or refuse. */
    private static final class RecordingStore implements AuditStore {
        private final List<AuditRecord> stored = new CopyOnWriteArrayList<>();
        private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private final AtomicInteger unavailable = new AtomicInteger();
        private final AtomicInteger refusals = new AtomicInteger();
        private volatile boolean refuseContent;
        private volatile String refusedId;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean holdFirst;

        /** The first write waits for {@link #releaseHeldWrite}, so that what is accepted meanwhile forms one batch. */
        void holdFirstWrite() {
            holdFirst = true;
        }

        void awaitHeldWrite() throws InterruptedException {
            held.await();
        }

        void releaseHeldWrite() {
            release.countDown();
        }

        /** Refuses every write that holds this record, as PostgreSQL refuses a batch with one value it cannot take. */
        void refuseRecord(String id) {
            refusedId = id;
        }

        void unavailableFor(int writes) {
            unavailable.set(writes);
        }

        void refuseContent(boolean value) {
            refuseContent = value;
        }

        @Override
        public void appendAudit(List<AuditRecord> records) {
            if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refusals.incrementAndGet();
                throw new StoreUnavailableException("the database is restarting", null);
            }
            if (holdFirst) {
                holdFirst = false;
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refuseContent || records.stream().anyMatch(r -> r.id().equals(refusedId))) {
                throw new IllegalStateException("value too long");
            }
            batchSizes.add(records.size());
            stored.addAll(records);
        }

        @Override
        public AuditPage findAudit(AuditQuery query) {
            return new AuditPage(List.of(), Optional.empty());
        }

        List<AuditRecord> stored() {
            return List.copyOf(stored);
        }

        List<Integer> batchSizes() {
            return List.copyOf(batchSizes);
        }

        int refusals() {
            return refusals.get();
        }
    }
}
