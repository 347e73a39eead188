package dev.gatehouse.client.gatehouseadmin.model;

import java.time.Instant;
import java.util.List;

/**
 * An active sign-in session as ListSessions describes it: who, since when, how it was made and from
 * where, and its live tokens (never their secrets).
 *
 * @param lastUsedAt       null when the session was not used since it started (or the service did not record it)
 * @param signInMethod     {@code BROWSER}, {@code DEVICE_CODE}, {@code PKCE} or {@code UNRECORDED}
 * @param clientName       the OIDC client the person signed in for (device code and PKCE), or null
 * @param sourceAddress    the address the sign-in came from, or null
 * @param userAgent        the sign-in browser's User-Agent, or null
 * @param liveRoleSessions how many role credentials issued from the session have not yet expired
 */
public record Session(String sessionId, String userId, String userName, Instant startedAt, Instant expiresAt,
                      Instant lastUsedAt, String signInMethod, String clientName, String sourceAddress,
                      String userAgent, List<SessionToken> tokens, int liveRoleSessions) {
    public Session {
        tokens = List.copyOf(tokens);
    }
}
