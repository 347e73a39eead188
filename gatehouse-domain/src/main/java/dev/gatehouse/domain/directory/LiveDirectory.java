package dev.gatehouse.domain.directory;

import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.DirectoryStore;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Directory} in step with the store: loads every entry once, then follows the store's
 * change log ({@link #refresh}, which the service calls a few times a second, so that a change made
 * on another instance on the same store is in force here within a second). A write made here goes to
 * the store first, durably, and is in force here when {@link #write} returns.
 */
public final class LiveDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDirectory.class);

    private final Directory directory;
    private final DirectoryStore store;
    private final InstantSource clock;
    private long version = -1;

    public LiveDirectory(Directory directory, DirectoryStore store, InstantSource clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    public Directory directory() {
        return directory;
    }

    /** The store version the in-memory directory is current to. */
    public synchronized long version() {
        return version;
    }

    /** Loads the whole directory from the store, replacing what is held. */
    public synchronized void reload() {
        DirectorySnapshot snapshot = store.loadDirectory();
        List<DirectoryEntry> entries = new ArrayList<>(snapshot.entries().size());
        for (StoredEntry stored : snapshot.entries()) {
            decode(stored).ifPresent(entries::add);
        }
        directory.replaceAll(entries);
        version = snapshot.version();
    }

    /** Applies what changed in the store since the last load or refresh; true when anything did. */
    public synchronized boolean refresh() {
        if (version < 0) {
            reload();
            return true;
        }
        DirectoryChanges changes = store.directoryChangesAfter(version);
        if (!changes.complete()) {
            LOG.info("directory change log no longer reaches version {}; loading the whole directory", version);
            reload();
            return true;
        }
        for (DirectoryChanges.Change change : changes.changes()) {
            Optional<EntryKind> kind = EntryKind.ofStoredName(change.kind());
            if (kind.isEmpty()) {
                continue;
            }
            Optional<DirectoryEntry> entry = change.entry().flatMap(this::decode);
            if (entry.isPresent()) {
                directory.put(entry.get());
            } else {
                directory.remove(kind.get(), change.id());
            }
        }
        boolean changed = changes.version() != version;
        version = Math.max(version, changes.version());
        return changed;
    }

    /**
     * Writes entries and deletions to the store at once (see {@link DirectoryStore#writeDirectory}),
     * then brings this instance's directory up to date. A unique key taken by another entry fails the
     * whole write with {@link dev.gatehouse.domain.store.UniqueKeyTakenException}.
     */
    public void write(List<DirectoryEntry> puts, List<DirectoryEntry> deletes) {
        List<EntryWrite> writes = new ArrayList<>(puts.size() + deletes.size());
        deletes.forEach(d -> writes.add(new EntryWrite.Delete(d.kind().storedName(), d.id())));
        puts.forEach(p -> writes.add(new EntryWrite.Put(EntryCodec.encode(p))));
        if (writes.isEmpty()) {
            return;
        }
        store.writeDirectory(writes, clock.instant());
        refresh();
    }

    public void put(DirectoryEntry entry) {
        write(List.of(entry), List.of());
    }

    private Optional<DirectoryEntry> decode(StoredEntry stored) {
        try {
            return EntryCodec.decode(stored);
        } catch (IllegalArgumentException e) {
            LOG.error("directory entry {}/{} cannot be read and is left out: {}", stored.kind(), stored.id(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
