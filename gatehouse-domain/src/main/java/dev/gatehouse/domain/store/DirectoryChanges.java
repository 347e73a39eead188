package dev.gatehouse.domain.store;

import java.util.List;
import java.util.Optional;

/**
 * The changes after a version, up to {@code version}. When {@code complete} is false the log did not
 * reach back far enough and {@code changes} is empty: load the whole directory instead.
 */
public record DirectoryChanges(long version, boolean complete, List<Change> changes) {
    public DirectoryChanges {
        changes = List.copyOf(changes);
    }

    public static DirectoryChanges incomplete(long version) {
        return new DirectoryChanges(version, false, List.of());
    }

    /** An entry written at {@code version}: as it is now, or empty when it no longer exists. */
    public record Change(long version, String kind, String id, Optional<StoredEntry> entry) {
    }
}
