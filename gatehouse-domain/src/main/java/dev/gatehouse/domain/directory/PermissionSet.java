package dev.gatehouse.domain.directory;

import java.time.Duration;

/**
 * A named role template; its session duration is the lifetime of the role credentials it yields.
 *
 * @param revokeRoleSessionsOnLogout beyond AWS: when the sign-in session that role credentials were
 *     issued from is ended (Logout), the credentials stop working at once instead of at their expiry
 */
public record PermissionSet(String name, Duration sessionDuration, boolean revokeRoleSessionsOnLogout) {
    public static final Duration MIN_SESSION = Duration.ofHours(1);
    public static final Duration MAX_SESSION = Duration.ofHours(12);
    public static final Duration DEFAULT_SESSION = MIN_SESSION;

    /** A permission set whose role sessions outlive a Logout, as in AWS. */
    public PermissionSet(String name, Duration sessionDuration) {
        this(name, sessionDuration, false);
    }

    public PermissionSet {
        if (sessionDuration.compareTo(MIN_SESSION) < 0 || sessionDuration.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("sessionDuration must be between PT1H and PT12H, was " + sessionDuration);
        }
    }
}
