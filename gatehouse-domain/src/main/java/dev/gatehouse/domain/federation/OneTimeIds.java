package dev.gatehouse.domain.federation;

import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One-time use of what an external identity provider hands the browser (a SAML assertion's id), across
 * every instance on the store: the id is counted in a store counter kept until the answer can no longer
 * be accepted anyway, and only its first use counts; a second one, on this instance or another, is a
 * replay. The counter's key holds the id only hashed ({@link CounterKeys}).
 */
public final class OneTimeIds {
    private final GatehouseStore store;
    private final InstantSource clock;

    public OneTimeIds(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Spends {@code id} of the given kind (for example {@code saml-assertion}).
     *
     * @param keepUntil the last instant the answer could still be accepted (its expiry plus the allowed
     *                  skew); the id is remembered until then
     * @return true for the first use; false when it was used before (a replay)
     */
    public boolean firstUse(String kind, String id, Instant keepUntil) {
        Instant now = clock.instant();
        Instant expiresAt = keepUntil.isAfter(now) ? keepUntil : now.plusSeconds(1);
        return store.incrementCounter(CounterKeys.of(kind, id), now, expiresAt).value() == 1;
    }
}
