package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;

/**
 * The TOTP steps each user has spent, kept as one store {@code Counter} per user (the last step
 * used), so that a code is good once on every instance on the store: at sign-in, and when an
 * invitation sets up the authenticator app.
 */
public final class TotpSteps {
    /** Longer than any step the ±1 window still accepts. */
    private static final Duration STEP_KEPT_FOR = Duration.ofMinutes(5);

    private TotpSteps() {
    }

    /** True once per user and step, and only for a step later than any the user spent before. */
    public static boolean claim(GatehouseStore store, String userId, long step, Instant now) {
        return store.raiseCounter(CounterKeys.of("totp-step", userId), step, now, now.plus(STEP_KEPT_FOR));
    }
}
