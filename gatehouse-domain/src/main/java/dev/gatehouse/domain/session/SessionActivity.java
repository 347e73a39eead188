package dev.gatehouse.domain.session;

import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each sign-in session was last used (any of its tokens presented and found good), to the
 * minute. Kept in a store {@code Counter} per session (the epoch second of the last recorded use,
 * only ever raised), so every instance sees every other's uses; each instance writes a session's
 * counter at most once per {@link #RESOLUTION}, so a busy token costs one store write a minute, not
 * one per call.
 */
public final class SessionActivity {
    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final int FORGET_ABOVE = 100_000;

    private final GatehouseStore store;
    private final InstantSource clock;
    private final Map<String, Instant> recordedHere = new ConcurrentHashMap<>();

    public SessionActivity(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Notes a use of the session now. */
    public void used(SignInSession session) {
        Instant now = clock.instant();
        Instant last = recordedHere.get(session.id());
        if (last != null && now.isBefore(last.plus(RESOLUTION))) {
            return;
        }
        if (recordedHere.size() > FORGET_ABOVE) {
            recordedHere.clear();
        }
        recordedHere.put(session.id(), now);
        store.raiseCounter(key(session.id()), now.getEpochSecond(), now, session.expiresAt());
    }

    /** The last recorded use, when there was one. */
    public Optional<Instant> lastUsed(SignInSession session) {
        return store.findCounter(key(session.id()), clock.instant()).map(c -> Instant.ofEpochSecond(c.value()));
    }

    private static String key(String sessionId) {
        return CounterKeys.of("session-used", sessionId);
    }
}
