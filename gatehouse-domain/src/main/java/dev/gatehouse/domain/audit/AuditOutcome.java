package dev.gatehouse.domain.audit;

import java.util.Locale;

/** How a security event ended; the wire name is the lower-case constant. */
public enum AuditOutcome {
    SUCCESS, FAILURE, THROTTLED, DENIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
