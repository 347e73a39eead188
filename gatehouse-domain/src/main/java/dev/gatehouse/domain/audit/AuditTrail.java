package dev.gatehouse.domain.audit;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the domain reports security events. Each event becomes one {@link AuditRecord}, stamped with
 * the clock's time and the current {@link RequestOrigin}, and goes to every sink: the store (read back
 * through the admin API) and, in a running service, the JSON-lines log. A user named by id is looked
 * up in the directory for their user name, so that the trail can be read by name.
 *
 * <pre>{@code
 * audit.event(AuditEvent.LOGOUT).userId(session.userId()).session(session.id()).record();
 * }</pre>
 */
public final class AuditTrail implements AutoCloseable {
    /** How long the store keeps audit records unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final Directory directory;
    private final InstantSource clock;
    private final Duration retention;
    private final List<AuditSink> sinks = new CopyOnWriteArrayList<>();
    private final AuditStore store;
    private volatile StoreAuditSink storeSink;

    /** A trail that keeps nothing but what its added sinks keep. */
    public AuditTrail(Directory directory, InstantSource clock, Duration retention) {
        this(directory, clock, retention, null);
    }

    /** A trail that writes every record to {@code store} before {@code record()} returns (see {@link #batchStoreWrites}). */
    public AuditTrail(Directory directory, InstantSource clock, Duration retention, AuditStore store) {
        this.directory = directory;
        this.clock = clock;
        this.retention = retention;
        this.store = store;
        this.storeSink = store == null ? null : StoreAuditSink.synchronous(store);
    }

    /**
     * From now on the store gets records in batches from a writer thread (what a running service
     * wants: one durable write per batch), instead of one write per record in the caller's thread.
     */
    public synchronized void batchStoreWrites() {
        if (store != null) {
            storeSink = StoreAuditSink.batched(store);
        }
    }

    /** Waits until the store holds every record made before this call; for tests. */
    public boolean flush(Duration timeout) throws InterruptedException {
        StoreAuditSink sink = storeSink;
        return sink == null || sink.flush(timeout);
    }

    public void addSink(AuditSink sink) {
        sinks.add(sink);
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Reads records back from the store, newest first (the admin API's ListAuditEvents); a trail with
     * no store has none. A batched record can take a moment to be found (see {@link #flush}).
     */
    public AuditPage find(AuditQuery query) {
        return store == null ? new AuditPage(List.of(), Optional.empty()) : store.findAudit(query);
    }

    /** Starts an event; {@link Entry#record()} sends it. The outcome is SUCCESS unless set. */
    public Entry event(AuditEvent event) {
        return new Entry(event);
    }

    @Override
    public void close() {
        if (storeSink != null) {
            storeSink.close();
        }
        for (AuditSink sink : sinks) {
            sink.close();
        }
    }

    /** One event being described. */
    public final class Entry {
        private final AuditEvent event;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private Optional<String> user = Optional.empty();
        private Optional<String> userId = Optional.empty();
        private Optional<String> sessionId = Optional.empty();
        private Optional<String> client = Optional.empty();
        private Optional<String> clientId = Optional.empty();
        private Optional<String> sourceAddress = Optional.empty();
        private final Map<String, String> details = new LinkedHashMap<>();

        private Entry(AuditEvent event) {
            this.event = event;
        }

        public Entry outcome(AuditOutcome value) {
            this.outcome = value;
            return this;
        }

        public Entry user(User value) {
            this.user = Optional.of(value.userName());
            this.userId = Optional.of(value.id());
            return this;
        }

        /** The user by id; their name is looked up (none when the user no longer exists). */
        public Entry userId(String id) {
            this.userId = Optional.ofNullable(id);
            this.user = userId.flatMap(directory::userById).map(User::userName).or(() -> user);
            return this;
        }

        /** A user name with no id: one typed at sign-in that may name nobody is never recorded this way. */
        public Entry userName(String name) {
            this.user = Optional.ofNullable(name);
            return this;
        }

        public Entry session(String id) {
            this.sessionId = Optional.ofNullable(id);
            return this;
        }

        public Entry client(String name, String id) {
            this.client = Optional.ofNullable(name);
            this.clientId = Optional.ofNullable(id);
            return this;
        }

        /** Overrides the current request's address (an event recorded on behalf of another request). */
        public Entry sourceAddress(String address) {
            this.sourceAddress = Optional.ofNullable(address);
            return this;
        }

        public Entry detail(String key, Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        public AuditRecord record() {
            Instant now = clock.instant();
            RequestOrigin origin = RequestOrigin.current();
            AuditRecord record = new AuditRecord(AuditIds.next(now), now, event, outcome, user, userId, sessionId,
                    client, clientId, sourceAddress.or(origin::sourceAddress), origin.requestId(), details,
                    now.plus(retention));
            StoreAuditSink toStore = storeSink;
            if (toStore != null) {
                deliver(toStore, record);
            }
            for (AuditSink sink : sinks) {
                deliver(sink, record);
            }
            return record;
        }

    }

    private static void deliver(AuditSink sink, AuditRecord record) {
        try {
            sink.accept(record);
        } catch (RuntimeException e) {
            LOG.error("Audit sink {} failed for event {} ({})", sink.getClass().getSimpleName(),
                    record.event().wireName(), record.id(), e);
        }
    }
}
