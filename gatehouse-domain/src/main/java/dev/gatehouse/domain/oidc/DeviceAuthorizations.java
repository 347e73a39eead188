package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * StartDeviceAuthorization, and what the device verification page does with a user code: find it,
 * approve it for the signed-in person, or deny it.
 */
public final class DeviceAuthorizations {
    /** How long a device code lives (IAM Identity Center: about ten minutes). */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Seconds a client waits between polls. */
    public static final int INTERVAL_SECONDS = 1;
    /** Consonants only: no words, no 0/O or 1/I confusion. 20^8 codes. */
    private static final char[] USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * New user codes tried before giving up. The store refuses a code it still holds; among 20^8 a
     * second refusal in a row means something is wrong, not bad luck.
     */
    static final int USER_CODE_ATTEMPTS = 5;

    private final GatehouseStore store;
    private final InstantSource clock;
    private final Supplier<String> userCodes;

    public DeviceAuthorizations(GatehouseStore store, InstantSource clock) {
        this(store, clock, DeviceAuthorizations::newUserCode);
    }

    /** With the user codes drawn from {@code userCodes} (tests make them collide). */
    DeviceAuthorizations(GatehouseStore store, InstantSource clock, Supplier<String> userCodes) {
        this.store = store;
        this.clock = clock;
        this.userCodes = userCodes;
    }

    /** What StartDeviceAuthorization answers. */
    public record Started(String deviceCode, String userCode, int expiresInSeconds, int intervalSeconds) {
        @Override
        public String toString() {
            return "Started[" + userCode + "]";
        }
    }

    public Started start(RegisteredClient client, String startUrl) {
        ClientRegistry.required(startUrl, "startUrl");
        if (startUrl.length() > 2048) {
            throw InvalidMemberException.tooLong("startUrl", 2048);
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt++) {
            BearerToken deviceCode = BearerToken.generate(TokenKind.DEVICE_CODE);
            String userCode = userCodes.get();
            // the store refuses a user code it still holds: one code, one authorization
            if (store.saveDeviceAuthorization(new DeviceAuthorization(deviceCode.id(), deviceCode.hash(), userCode,
                    client.clientId(), client.clientName(), client.scopes(), now, now.plus(LIFETIME), INTERVAL_SECONDS,
                    0, Optional.empty(), DeviceAuthorization.State.PENDING, Optional.empty()))) {
                return new Started(deviceCode.secret(), userCode, (int) LIFETIME.toSeconds(), INTERVAL_SECONDS);
            }
        }
        throw new IllegalStateException("No free user code in " + USER_CODE_ATTEMPTS + " attempts");
    }

    /** The pending authorization a person typed the code of; empty when unknown, expired or decided. */
    public Optional<DeviceAuthorization> pending(String typedUserCode) {
        Instant now = clock.instant();
        return normalize(typedUserCode)
                .flatMap(store::findDeviceAuthorizationByUserCode)
                .filter(d -> d.state() == DeviceAuthorization.State.PENDING && !d.isExpiredAt(now));
    }

    public void approve(String userCode, SignInSession session) {
        decide(userCode, DeviceAuthorization.State.APPROVED, Optional.of(session.id()));
    }

    public void deny(String userCode) {
        decide(userCode, DeviceAuthorization.State.DENIED, Optional.empty());
    }

    private void decide(String typedUserCode, DeviceAuthorization.State decision, Optional<String> sessionId) {
        DeviceAuthorization found = pending(typedUserCode).orElseThrow(() -> GatehouseException.of(ErrorCode.INVALID_GRANT,
                "This code is not valid: it may have expired or been used already. Start the sign-in again."));
        Instant now = clock.instant();
        store.updateDeviceAuthorization(found.id(), current -> {
            if (current.state() != DeviceAuthorization.State.PENDING || current.isExpiredAt(now)) {
                throw GatehouseException.of(ErrorCode.INVALID_GRANT, "This code has already been used or has expired.");
            }
            return current.withState(decision, sessionId);
        });
    }

    /** Upper case, without spaces and dashes, then XXXX-XXXX; empty when it cannot be a user code. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String letters = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!letters.matches("[" + new String(USER_CODE_ALPHABET) + "]{8}")) {
            return Optional.empty();
        }
        return Optional.of(letters.substring(0, 4) + "-" + letters.substring(4));
    }

    private static String newUserCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET[RANDOM.nextInt(USER_CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
