package dev.gatehouse.domain.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.audit.RecordedAudit;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.DeviceVerification.LockedOut;
import dev.gatehouse.domain.oidc.DeviceVerification.Origin;
import dev.gatehouse.domain.oidc.DeviceVerification.Policy;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Wrong user codes on the device page: counted per sign-in session and per address, then locked out. */
class DeviceVerificationTest {
    private static final Policy POLICY = new Policy(3, 5, Duration.ofMinutes(15));
    private static final String WRONG = "ZZZZ-ZZZZ";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final DeviceAuthorizations devices = new DeviceAuthorizations(store, clock);
    private final AuditTrail trail = new AuditTrail(new Directory("us-east-1", Duration.ofHours(8), Duration.ofHours(1),
            List.of(), new DirectoryIds(store.instanceKey())), clock, AuditTrail.DEFAULT_RETENTION);
    private final RecordedAudit audit = RecordedAudit.on(trail);
    private final DeviceVerification verification = new DeviceVerification(devices, store, clock, POLICY, trail);
    private final RegisteredClient client = new RegisteredClient("client-1", new byte[32], "botocore-client-test",
            "public", List.of("sso:account:access"), List.of(), List.of(), clock.instant(),
            clock.instant().plus(Duration.ofDays(90)));

    private Origin origin(String address) {
        Instant now = clock.instant();
        return new Origin(new SignInSession(UUID.randomUUID().toString(), "alice", now, now.plus(Duration.ofHours(8)),
                Optional.empty()), address);
    }

    private String pendingCode() {
        return devices.start(client, "http://127.0.0.1/start").userCode();
    }

    private void typeWrong(Origin origin, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(verification.find(WRONG, origin)).isEmpty();
        }
    }

    @Test
    void aSessionPastItsLimitIsRefusedEvenARightCodeUntilTheLockoutEnds() {
        String code = pendingCode();
        Origin origin = origin("192.0.2.1");
        typeWrong(origin, POLICY.perSession());

        LockedOut locked = catchLockedOut(() -> verification.find(code, origin));
        assertThat(locked.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(locked.getMessage()).contains("Too many wrong codes").contains("15 minutes")
                .doesNotContain(code);
        assertThatThrownBy(() -> verification.approve(code, origin)).isInstanceOf(LockedOut.class);
        assertThatThrownBy(() -> verification.deny(code, origin)).isInstanceOf(LockedOut.class);
        assertThat(devices.pending(code)).isPresent();

        // another session at another address is not affected
        assertThat(verification.find(code, origin("192.0.2.2"))).isPresent();

        clock.advance(Duration.ofMinutes(9));
        String later = pendingCode();
        clock.advance(Duration.ofMinutes(5));
        assertThat(catchLockedOut(() -> verification.find(later, origin)).retryAfter()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(verification.find(later, origin)).isPresent();
        verification.approve(later, origin);
        assertThat(store.findDeviceAuthorizationByUserCode(later).orElseThrow().state())
                .isEqualTo(DeviceAuthorization.State.APPROVED);
    }

    @Test
    void aLockoutIsAuditedOnceWithTheSessionTheAddressAndTheLimitButNoCode() {
        Origin origin = origin("192.0.2.1");
        typeWrong(origin, POLICY.perSession() - 1);
        assertThat(audit.all()).isEmpty();
        typeWrong(origin, 1);
        assertThatThrownBy(() -> verification.find(WRONG, origin)).isInstanceOf(LockedOut.class);

        AuditRecord lockout = audit.only(AuditEvent.DEVICE_CODE_LOCKOUT);
        assertThat(lockout.outcome()).isEqualTo(AuditOutcome.THROTTLED);
        assertThat(lockout.time()).isEqualTo(clock.instant());
        assertThat(lockout.userId()).contains("alice");
        assertThat(lockout.sessionId()).contains(origin.session().id());
        assertThat(lockout.sourceAddress()).contains("192.0.2.1");
        assertThat(lockout.details()).isEqualTo(Map.of("limit", "session", "lockedForSeconds", "900"));
        assertThat(lockout.toString()).doesNotContain(WRONG);
    }

    @Test
    void anAddressPastItsLimitIsRefusedInEverySession() {
        String code = pendingCode();
        // spread over sessions so that no session reaches its own limit
        typeWrong(origin("198.51.100.7"), 2);
        typeWrong(origin("198.51.100.7"), 2);
        typeWrong(origin("198.51.100.7"), 1);

        assertThatThrownBy(() -> verification.find(code, origin("198.51.100.7"))).isInstanceOf(LockedOut.class);
        assertThat(verification.find(code, origin("198.51.100.8"))).isPresent();
    }

    @Test
    void rightCodesAreNotCountedAndWrongOnesAreForgottenAfterAQuarterHour() {
        Origin origin = origin("192.0.2.1");
        String code = pendingCode();
        for (int i = 0; i < 10; i++) {
            assertThat(verification.find(code, origin)).isPresent();
        }
        typeWrong(origin, POLICY.perSession() - 1);
        clock.advance(Duration.ofMinutes(15));
        typeWrong(origin, POLICY.perSession() - 1);
        assertThat(verification.find(pendingCode(), origin)).isPresent();
    }

    @Test
    void aCodeThatCannotBeDecidedCountsAsWrong() {
        Origin origin = origin("192.0.2.1");
        for (int i = 0; i < POLICY.perSession(); i++) {
            assertThatThrownBy(() -> verification.approve(WRONG, origin))
                    .isInstanceOf(GatehouseException.class)
                    .isNotInstanceOf(LockedOut.class);
        }
        assertThatThrownBy(() -> verification.deny(pendingCode(), origin)).isInstanceOf(LockedOut.class);
    }

    @Test
    void whileLockedOutCodesAreNeitherLookedUpNorCounted() {
        Origin origin = origin("192.0.2.1");
        typeWrong(origin, POLICY.perSession());
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> verification.find(WRONG, origin)).isInstanceOf(LockedOut.class);
        }
        // the address counted only the wrong codes typed before the lockout
        assertThat(verification.find(pendingCode(), origin("192.0.2.1"))).isPresent();
        clock.advance(POLICY.lockFor());
        assertThat(verification.find(pendingCode(), origin)).isPresent();
    }

    @Test
    void aPolicyNeedsPositiveLimits() {
        assertThatThrownBy(() -> new Policy(0, 5, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(5, 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LockedOut catchLockedOut(Runnable call) {
        try {
            call.run();
        } catch (LockedOut e) {
            return e;
        }
        throw new AssertionError("expected a lockout");
    }
}
