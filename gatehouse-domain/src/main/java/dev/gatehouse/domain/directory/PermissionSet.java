package dev.gatehouse.domain.directory;

import java.time.Duration;

/** A named role template; its session duration is the lifetime of the role credentials it yields. */
public record PermissionSet(String name, Duration sessionDuration) {
    public static final Duration MIN_SESSION = Duration.ofHours(1);
    public static final Duration MAX_SESSION = Duration.ofHours(12);
    public static final Duration DEFAULT_SESSION = MIN_SESSION;

    public PermissionSet {
        if (sessionDuration.compareTo(MIN_SESSION) < 0 || sessionDuration.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("sessionDuration must be between PT1H and PT12H, was " + sessionDuration);
        }
    }
}
