package dev.gatehouse.domain.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StartDeviceAuthorization's user codes: one authorization per code, a taken code drawn again. */
class DeviceAuthorizationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final RegisteredClient client = new RegisteredClient("client-1", new byte[32], "botocore-client-test",
            "public", List.of("sso:account:access"), List.of(), List.of(), clock.instant(),
            clock.instant().plus(Duration.ofDays(90)));

    private DeviceAuthorizations drawing(String... codes) {
        Deque<String> next = new ArrayDeque<>(List.of(codes));
        return new DeviceAuthorizations(store, clock, next::removeFirst);
    }

    @Test
    void aUserCodeStillHeldIsDrawnAgain() {
        DeviceAuthorizations devices = drawing("BCDF-GHJK", "BCDF-GHJK", "BCDF-GHJK", "LMNP-QRST");
        DeviceAuthorizations.Started first = devices.start(client, "http://127.0.0.1/start");
        DeviceAuthorizations.Started second = devices.start(client, "http://127.0.0.1/start");

        assertThat(first.userCode()).isEqualTo("BCDF-GHJK");
        assertThat(second.userCode()).isEqualTo("LMNP-QRST");
        // each code leads to its own authorization, the first one untouched
        assertThat(devices.pending("BCDF-GHJK").orElseThrow().id()).isNotEqualTo(devices.pending("LMNP-QRST")
                .orElseThrow().id());
        assertThat(store.findDeviceAuthorizationByUserCode("BCDF-GHJK").orElseThrow().id())
                .isEqualTo(devices.pending("BCDF-GHJK").orElseThrow().id());
    }

    @Test
    void noFreeCodeAfterAFewDrawsIsAnInternalError() {
        String[] taken = new String[DeviceAuthorizations.USER_CODE_ATTEMPTS + 1];
        Arrays.fill(taken, "BCDF-GHJK");
        DeviceAuthorizations devices = drawing(taken);
        devices.start(client, "http://127.0.0.1/start");
        assertThatThrownBy(() -> devices.start(client, "http://127.0.0.1/start"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void drawnCodesAreEightConsonantsInTwoGroups() {
        DeviceAuthorizations devices = new DeviceAuthorizations(store, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(devices.start(client, "http://127.0.0.1/start").userCode())
                    .matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        }
    }
}
