package dev.gatehouse.domain.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The directory's part of the storage port: entries (users, groups, memberships, permission sets,
 * assignments, admin keys, …) kept as opaque bodies under a kind and an id, with unique keys the store
 * enforces, and a change log that every instance on the same store follows to keep its in-memory view
 * current. Adapters know nothing of what a body holds; {@code directory.EntryCodec} makes them.
 */
public interface DirectoryStore {
    /**
     * How long the change log keeps a line: {@link GatehouseStore#purgeExpiredBefore} drops the lines
     * written more than this before its cutoff. An instance that falls further behind loads the whole
     * directory again.
     */
    Duration LOG_KEPT_FOR = Duration.ofHours(1);

    /** Every entry, and the version of the directory they make up (0 when nothing was ever written). */
    DirectorySnapshot loadDirectory();

    /**
     * What changed after {@code version}, oldest first, each change with the entry as it is now (or
     * none when it was deleted). {@link DirectoryChanges#complete()} is false when the log no longer
     * reaches back that far (a line after {@code version} was purged), and the caller must load the
     * whole directory again; a version above the store's is answered complete with no changes.
     */
    DirectoryChanges directoryChangesAfter(long version);

    /**
     * Applies every write at once, or none: a put replaces the entry of that kind and id and its unique
     * keys; a delete removes the entry (a missing one is no error) and its keys. When a put claims a
     * unique key held by another entry, nothing is written and {@link UniqueKeyTakenException} names the
     * key. Writes across every instance on this store are applied one after another: each returns the
     * next version, and the change log holds each written entry at that version. Durable when it returns.
     *
     * @param at when the write happened, kept with the log so that {@link GatehouseStore#purgeExpiredBefore}
     *     can drop old log lines
     */
    long writeDirectory(List<EntryWrite> writes, Instant at);
}
