package dev.gatehouse.domain.store;

import java.util.List;

/** Every directory entry, as of {@code version}. */
public record DirectorySnapshot(long version, List<StoredEntry> entries) {
    public DirectorySnapshot {
        entries = List.copyOf(entries);
    }
}
