package dev.gatehouse.domain.token;

import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * When a token was last used, so that one left unused for a while stops working. The time of last
 * use is a store {@code Counter} keyed by the token's id (its value the epoch second, kept until the
 * token would be idle), so every instance on one store sees it. Use is written only when the time
 * stored is older than a tenth of the timeout: a burst of uses costs one read each and one write in
 * all, and a token stops working between nine tenths of the timeout and the whole of it after its
 * last use. A token younger than a tenth of the timeout needs neither.
 */
final class IdleTimeout {
    private final GatehouseStore store;
    private final InstantSource clock;

    IdleTimeout(GatehouseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** True when {@code token} was used within {@code timeout} (or issued then); records this use. */
    boolean use(TokenRecord token, Duration timeout) {
        Instant now = clock.instant();
        Duration slack = timeout.dividedBy(10);
        if (now.isBefore(token.issuedAt().plus(slack))) {
            return true;
        }
        String key = keyOf(token.id());
        Instant lastUsed = store.findCounter(key, now)
                .map(counter -> Instant.ofEpochSecond(counter.value()))
                .filter(recorded -> recorded.isAfter(token.issuedAt()))
                .orElse(token.issuedAt());
        if (!now.isBefore(lastUsed.plus(timeout))) {
            return false;
        }
        if (!now.isBefore(lastUsed.plus(slack))) {
            store.raiseCounter(key, now.getEpochSecond(), now, now.plus(timeout));
        }
        return true;
    }

    /** The key of the last-use counter of the token with id {@code tokenId}. */
    static String keyOf(String tokenId) {
        return CounterKeys.of("token-last-used", tokenId);
    }
}
