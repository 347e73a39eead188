package dev.gatehouse.domain.oidc;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.oidc.DeviceAuthorization.State;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.domain.token.Tokens;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CreateToken with {@code urn:ietf:params:oauth:grant-type:device_code} (RFC 8628), checked in this
 * order: the device code is one of ours and of this client; not expired; then by state — denied
 * (AccessDenied), already redeemed (InvalidGrant), pending (AuthorizationPending, or SlowDown when
 * polled faster than the interval; the first two polls may come back to back, as the AWS CLI sends
 * them), approved (tokens, once, audited as TokenIssued).
 */
public final class DeviceCodeGrant {
    private static final int TOLERATED_EARLY_POLLS = 2;

    private final GatehouseStore store;
    private final SignInSessions sessions;
    private final Tokens tokens;
    private final InstantSource clock;
    private final AuditTrail audit;

    public DeviceCodeGrant(GatehouseStore store, SignInSessions sessions, Tokens tokens, InstantSource clock,
                           AuditTrail audit) {
        this.store = store;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    public TokenSet exchange(RegisteredClient client, String deviceCode) {
        ClientRegistry.required(deviceCode, "deviceCode");
        BearerToken code = BearerToken.parse(TokenKind.DEVICE_CODE, deviceCode).orElseThrow(DeviceCodeGrant::invalid);
        DeviceAuthorization found = store.findDeviceAuthorization(code.id())
                .filter(d -> code.matches(d.deviceCodeHash()) && d.clientId().equals(client.clientId()))
                .orElseThrow(DeviceCodeGrant::invalid);
        Instant now = clock.instant();
        if (found.isExpiredAt(now)) {
            throw GatehouseException.of(ErrorCode.EXPIRED_TOKEN, "The device code has expired; start the sign-in again");
        }
        AtomicReference<State> seen = new AtomicReference<>();
        AtomicReference<Boolean> tooFast = new AtomicReference<>(false);
        DeviceAuthorization after = store.updateDeviceAuthorization(found.id(), current -> {
            seen.set(current.state());
            return switch (current.state()) {
                case PENDING -> {
                    tooFast.set(current.polls() >= TOLERATED_EARLY_POLLS && current.lastPolledAt()
                            .map(last -> now.isBefore(last.plusSeconds(current.intervalSeconds()))).orElse(false));
                    yield current.polledAt(now);
                }
                case APPROVED -> current.withState(State.REDEEMED, current.sessionId());
                case DENIED, REDEEMED -> current;
            };
        }).orElseThrow(DeviceCodeGrant::invalid);
        return switch (seen.get()) {
            case PENDING -> throw tooFast.get()
                    ? GatehouseException.of(ErrorCode.SLOW_DOWN, "Polling too fast; wait " + found.intervalSeconds() + " s between requests")
                    : GatehouseException.of(ErrorCode.AUTHORIZATION_PENDING, "Authorization is still pending");
            case DENIED -> throw GatehouseException.of(ErrorCode.ACCESS_DENIED, "The request was denied");
            case REDEEMED -> throw GatehouseException.of(ErrorCode.INVALID_GRANT, "The device code has already been used");
            case APPROVED -> {
                SignInSession session = after.sessionId().flatMap(sessions::active).orElseThrow(() ->
                        GatehouseException.of(ErrorCode.INVALID_GRANT, "The sign-in session that approved this code has ended"));
                TokenSet issued = tokens.issueTokenSet(session, client.clientId());
                audit.event(AuditEvent.TOKEN_ISSUED).userId(session.userId()).session(session.id())
                        .client(client.clientName(), client.clientId()).detail("grant", "device_code").record();
                yield issued;
            }
        };
    }

    private static GatehouseException invalid() {
        return GatehouseException.of(ErrorCode.INVALID_GRANT, "Invalid device code");
    }
}
