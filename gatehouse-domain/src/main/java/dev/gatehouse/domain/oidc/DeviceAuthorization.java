package dev.gatehouse.domain.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A device authorization (RFC 8628) from StartDeviceAuthorization until its device code is redeemed
 * or expires. The device code is kept only as a hash; the user code is what the person types.
 */
public record DeviceAuthorization(String id, byte[] deviceCodeHash, String userCode, String clientId,
                                  String clientName, List<String> scopes, Instant createdAt, Instant expiresAt,
                                  int intervalSeconds, int polls, Optional<Instant> lastPolledAt, State state,
                                  Optional<String> sessionId) {

    public enum State { PENDING, APPROVED, DENIED, REDEEMED }

    public DeviceAuthorization {
        scopes = List.copyOf(scopes);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public DeviceAuthorization polledAt(Instant when) {
        return new DeviceAuthorization(id, deviceCodeHash, userCode, clientId, clientName, scopes, createdAt, expiresAt,
                intervalSeconds, polls + 1, Optional.of(when), state, sessionId);
    }

    public DeviceAuthorization withState(State next, Optional<String> session) {
        return new DeviceAuthorization(id, deviceCodeHash, userCode, clientId, clientName, scopes, createdAt, expiresAt,
                intervalSeconds, polls, lastPolledAt, next, session);
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[" + id + " " + userCode + " " + state + "]";
    }
}
