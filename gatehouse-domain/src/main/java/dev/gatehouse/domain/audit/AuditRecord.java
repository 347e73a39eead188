package dev.gatehouse.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One security event, as the JSON-lines log, the store and the admin API keep it. Never holds a
 * secret: no token, password, TOTP code or session cookie, only ids that grant nothing by themselves.
 *
 * @param id         unique and ordered by time: {@link AuditIds#next}
 * @param user       the user name at the time of the event, when the event concerns a known user
 * @param userId     the user's id, when known
 * @param sessionId  the sign-in session concerned
 * @param client     the OIDC client's name ({@code clientName} of RegisterClient) or the admin key id
 * @param clientId   the OIDC client id, when there is one
 * @param details    further facts, each a short text: the operation, the grant, the reason, the count
 * @param expiresAt  when the store may forget it (the event's time plus the retention period)
 */
public record AuditRecord(String id, Instant time, AuditEvent event, AuditOutcome outcome,
                          Optional<String> user, Optional<String> userId, Optional<String> sessionId,
                          Optional<String> client, Optional<String> clientId, Optional<String> sourceAddress,
                          Optional<String> requestId, Map<String, String> details, Instant expiresAt) {
    public AuditRecord {
        details = Map.copyOf(new TreeMap<>(details));
    }
}
