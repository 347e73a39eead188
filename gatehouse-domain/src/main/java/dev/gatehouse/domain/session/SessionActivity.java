package dev.gatehouse.domain.session;

import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each sign-in session was last used (any of its tokens presented and found good), to the
 * minute. Kept in a store {@code Counter} per session (the epoch second of the last recorded use,
 * only ever raised), so every instance sees every other's uses.
 *
 * <p>Off the request path: a use is noted in memory (at most once per {@link #RESOLUTION} per session
 * and instance), and a background flush writes what was noted {@link #FLUSH_AFTER} later, so a busy
 * token costs no store write of its own and an idle instance schedules nothing. Until then this
 * instance reads its own notes; other instances see the use after the flush. A note lost with the
 * process (a crash before the flush) only makes the last use look a little older.
 */
public final class SessionActivity {
    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    static final Duration FLUSH_AFTER = Duration.ofSeconds(5);
    private static final int FORGET_ABOVE = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(SessionActivity.class);
    /** One daemon thread for every instance in the process; a flush is a handful of counter writes. */
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gatehouse-session-activity").factory());

    private record Use(Instant at, Instant sessionExpiresAt) {
    }

    private final GatehouseStore store;
    private final InstantSource clock;
    private final Map<String, Instant> notedHere = new ConcurrentHashMap<>();
    private final Map<String, Use> unwritten = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    public SessionActivity(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Notes a use of the session now. */
    public void used(SignInSession session) {
        Instant now = clock.instant();
        Instant last = notedHere.get(session.id());
        if (last != null && now.isBefore(last.plus(RESOLUTION))) {
            return;
        }
        if (notedHere.size() > FORGET_ABOVE) {
            notedHere.clear();
        }
        notedHere.put(session.id(), now);
        unwritten.merge(session.id(), new Use(now, session.expiresAt()), (a, b) -> a.at().isAfter(b.at()) ? a : b);
        if (flushScheduled.compareAndSet(false, true)) {
            FLUSHER.schedule(this::flushQuietly, FLUSH_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last use, as the store has it or as this instance noted it, whichever is later. */
    public Optional<Instant> lastUsed(SignInSession session) {
        Optional<Instant> stored = store.findCounter(key(session.id()), clock.instant())
                .map(c -> Instant.ofEpochSecond(c.value()));
        Optional<Instant> noted = Optional.ofNullable(unwritten.get(session.id()))
                .map(use -> Instant.ofEpochSecond(use.at().getEpochSecond()));
        if (stored.isEmpty()) {
            return noted;
        }
        return noted.filter(n -> n.isAfter(stored.get())).or(() -> stored);
    }

    /** Writes every noted use to the store now (the service's way down; tests). */
    public void flush() {
        flushScheduled.set(false);
        Instant now = clock.instant();
        for (Map.Entry<String, Use> entry : unwritten.entrySet()) {
            Use use = entry.getValue();
            if (unwritten.remove(entry.getKey(), use) && now.isBefore(use.sessionExpiresAt())) {
                store.raiseCounter(key(entry.getKey()), use.at().getEpochSecond(), now, use.sessionExpiresAt());
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the last use of {} sessions: {}", unwritten.size(), e.getMessage());
        }
    }

    private static String key(String sessionId) {
        return CounterKeys.of("session-used", sessionId);
    }
}
