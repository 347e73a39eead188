package dev.gatehouse.client.gatehouseadmin.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit record: a security event, who and what it concerned, and its outcome; never a secret.
 * Members the event does not concern are null.
 *
 * @param eventName the wire name, e.g. {@code SignInSucceeded}
 * @param outcome   {@code success}, {@code failure}, {@code throttled} or {@code denied}
 * @param details   the event's own fields, in the service's order (never null)
 */
public record AuditEvent(String eventId, Instant time, String eventName, String outcome, String userName,
                         String userId, String sessionId, String clientName, String clientId, String sourceAddress,
                         String requestId, Map<String, String> details) {
    public AuditEvent {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
