package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.CounterKeys;
import dev.gatehouse.domain.store.GatehouseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device verification page's side of RFC 8628 (§5.1): a signed-in person types a user code and
 * approves or denies it, and wrong codes are limited so that nobody can search the 20^8 codes for a
 * pending one. Wrong codes are counted per sign-in session and per client address, in store
 * {@link Counter}s, so every instance on one store counts together. Past a limit the session or
 * address is locked out — every code refused, a right one too — until {@link Policy#lockFor} after
 * its last counted wrong code; codes typed while locked out are not looked up and not counted. Each
 * lockout goes to the audit trail (DeviceCodeLockout: the user, the session, the address, which limit)
 * and to the {@code dev.gatehouse.audit} log with the counters' hashed keys, never a code or a token.
 *
 * <p>Each look reserves its place in both counts first and gives it back when the code was right,
 * so that requests in flight at once, on any instance, cannot look at more wrong codes together
 * than the limit allows.
 */
public final class DeviceVerification {
    /**
     * Wrong codes a sign-in session may type, and one client address, before it is locked out; how
     * long a lockout lasts, and a wrong code is remembered, after the last one.
     */
    public record Policy(int perSession, int perAddress, Duration lockFor) {
        /**
         * A person mistypes a few; many people behind one NAT type here too; a quarter of an hour
         * lets someone locked out by mistake go on the same morning.
         */
        public static final Policy DEFAULTS = new Policy(5, 50, Duration.ofMinutes(15));

        public Policy {
            if (perSession < 1 || perAddress < 1) {
                throw new IllegalArgumentException("wrong-code limits must be at least 1");
            }
            if (lockFor.isNegative() || lockFor.isZero()) {
                throw new IllegalArgumentException("lockFor must be positive");
            }
        }
    }

    private static final Logger AUDIT = LoggerFactory.getLogger("dev.gatehouse.audit");
    private static final String SESSION_KIND = "device-code-failures-session";
    private static final String ADDRESS_KIND = "device-code-failures-address";

    /** Who typed the code: the signed-in person's session, and the client address the request came from. */
    public record Origin(SignInSession session, String address) {
        String sessionKey() {
            return CounterKeys.of(SESSION_KIND, session.id());
        }

        String addressKey() {
            return CounterKeys.of(ADDRESS_KIND, address == null ? "" : address);
        }
    }

    /** Every code refused for a while: too many wrong ones from this session or address. */
    public static final class LockedOut extends GatehouseException {
        private final Duration retryAfter;

        LockedOut(Duration retryAfter) {
            super(ErrorCode.TOO_MANY_REQUESTS, "Too many wrong codes were entered from this browser or network. "
                    + "Wait " + minutesRoundedUp(retryAfter) + " before you try again, and check the code your "
                    + "terminal shows.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        private static String minutesRoundedUp(Duration wait) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
    }

    private final DeviceAuthorizations devices;
    private final GatehouseStore store;
    private final InstantSource clock;
    private final Policy policy;
    private final AuditTrail audit;

    public DeviceVerification(DeviceAuthorizations devices, GatehouseStore store, InstantSource clock, Policy policy,
                              AuditTrail audit) {
        this.audit = audit;
        this.devices = devices;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * The pending authorization of a typed code; empty (and counted as a wrong code) when there is
     * none. Throws {@link LockedOut} while the origin is locked out.
     */
    public Optional<DeviceAuthorization> find(String typedUserCode, Origin origin) {
        return counted(origin, () -> devices.pending(typedUserCode), Optional::isEmpty);
    }

    /** Approves the code for the origin's sign-in session; see {@link #find} for wrong codes and lockouts. */
    public void approve(String typedUserCode, Origin origin) {
        counted(origin, () -> {
            devices.approve(typedUserCode, origin.session());
            return true;
        }, approved -> false);
    }

    /** Denies the code; see {@link #find} for wrong codes and lockouts. */
    public void deny(String typedUserCode, Origin origin) {
        counted(origin, () -> {
            devices.deny(typedUserCode);
            return true;
        }, denied -> false);
    }

    /**
     * One look at a typed code. A place is reserved in both counts before the look (so that looks in
     * flight at once, on any instance, cannot pass the limit together) and given back when the code
     * was right; a wrong one stays counted. An {@link ErrorCode#INVALID_GRANT} from {@code look} is a
     * wrong code too.
     */
    private <T> T counted(Origin origin, Supplier<T> look, Predicate<T> isWrong) {
        Instant now = clock.instant();
        refuseIfLockedOut(origin, now);
        Instant forgetAt = now.plus(policy.lockFor());
        long session = store.incrementCounter(origin.sessionKey(), now, forgetAt).value();
        long address = store.incrementCounter(origin.addressKey(), now, forgetAt).value();
        boolean wrong = false;
        try {
            if (session > policy.perSession() || address > policy.perAddress()) {
                // others took the last places meanwhile
                throw lockedOut(origin, now).orElseGet(() -> new LockedOut(policy.lockFor()));
            }
            T result;
            try {
                result = look.get();
            } catch (GatehouseException e) {
                wrong = e.code() == ErrorCode.INVALID_GRANT;
                throw e;
            }
            wrong = isWrong.test(result);
            return result;
        } finally {
            if (wrong) {
                auditIfLocked(session == policy.perSession(), "session", origin);
                auditIfLocked(address == policy.perAddress(), "address", origin);
            } else {
                store.decrementCounter(origin.sessionKey());
                store.decrementCounter(origin.addressKey());
            }
        }
    }

    private void refuseIfLockedOut(Origin origin, Instant now) {
        Optional<LockedOut> locked = lockedOut(origin, now);
        if (locked.isPresent()) {
            throw locked.get();
        }
    }

    /** Locked out until the later of the two counts is forgotten, when either is at its limit. */
    private Optional<LockedOut> lockedOut(Origin origin, Instant now) {
        return Stream.of(lockedFor(origin.sessionKey(), policy.perSession(), now),
                        lockedFor(origin.addressKey(), policy.perAddress(), now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(LockedOut::new);
    }

    private Optional<Duration> lockedFor(String key, int limit, Instant now) {
        return store.findCounter(key, now)
                .filter(wrong -> wrong.value() >= limit)
                .map(wrong -> Duration.between(now, wrong.expiresAt()));
    }

    private void auditIfLocked(boolean reachedLimit, String limit, Origin origin) {
        if (reachedLimit) {
            AUDIT.warn("event=device_user_code_lockout limit={} session={} address={} locked_for_seconds={}", limit,
                    origin.sessionKey(), origin.addressKey(), policy.lockFor().toSeconds());
            audit.event(AuditEvent.DEVICE_CODE_LOCKOUT).outcome(AuditOutcome.THROTTLED)
                    .userId(origin.session().userId()).session(origin.session().id()).sourceAddress(origin.address())
                    .detail("limit", limit).detail("lockedForSeconds", policy.lockFor().toSeconds()).record();
        }
    }
}
