package dev.gatehouse.store.rocksdb;

import static dev.gatehouse.store.rocksdb.DirectoryRecords.bytes;

import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.DirectoryStore;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import dev.gatehouse.store.rocksdb.DirectoryRecords.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;

/**
 * The directory part of {@link RocksDbStore}, over three column families: {@code directory} (entry key
 * → entry), {@code directory_keys} (unique key → the entry key holding it) and {@code directory_log}
 * (version and position → the entry written, and when); the directory's version and the log's floor
 * (the highest version whose lines were purged) live in {@code meta}. One writer at a time: it checks
 * the unique keys against the stored state and its own earlier puts, then commits one batch — entries,
 * keys, log lines and the new version together — durably through the {@link GroupCommitter}. Reads
 * take a RocksDB snapshot, so a load or a change list never sees half a write.
 */
final class RocksDbDirectory {
    private static final byte[] VERSION = bytes("directory-version");
    private static final byte[] LOG_FLOOR = bytes("directory-log-floor");

    private final RocksDB db;
    private final GroupCommitter committer;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle entries;
    private final ColumnFamilyHandle uniqueKeys;
    private final ColumnFamilyHandle log;
    /** Held by a directory write and by the log's purge, through their durable commit. */
    private final Lock writer = new ReentrantLock();
    /** The version of the last committed write; read and changed with {@link #writer} held. */
    private long version;

    RocksDbDirectory(RocksDB db, GroupCommitter committer, ColumnFamilyHandle meta, ColumnFamilyHandle entries,
                     ColumnFamilyHandle uniqueKeys, ColumnFamilyHandle log) {
        this.db = db;
        this.committer = committer;
        this.meta = meta;
        this.entries = entries;
        this.uniqueKeys = uniqueKeys;
        this.log = log;
        this.version = storedVersion();
    }

    DirectorySnapshot load() {
        return withSnapshot(read -> {
            long current = DirectoryRecords.decodeNumber(db.get(meta, read, VERSION));
            List<StoredEntry> all = new ArrayList<>();
            try (RocksIterator it = db.newIterator(entries, read)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    all.add(DirectoryRecords.decodeEntry(it.value()));
                }
                it.status();
            }
            return new DirectorySnapshot(current, all);
        });
    }

    DirectoryChanges changesAfter(long after) {
        return withSnapshot(read -> {
            long current = DirectoryRecords.decodeNumber(db.get(meta, read, VERSION));
            if (after < DirectoryRecords.decodeNumber(db.get(meta, read, LOG_FLOOR))) {
                return DirectoryChanges.incomplete(current);
            }
            List<DirectoryChanges.Change> changes = new ArrayList<>();
            try (RocksIterator it = db.newIterator(log, read)) {
                for (it.seek(DirectoryRecords.firstLogKeyAfter(after)); it.isValid(); it.next()) {
                    LogLine line = DirectoryRecords.decodeLogLine(it.key(), it.value());
                    byte[] now = db.get(entries, read, bytes(DirectoryRecords.entryKey(line.kind(), line.id())));
                    changes.add(new DirectoryChanges.Change(line.version(), line.kind(), line.id(),
                            Optional.ofNullable(now).map(DirectoryRecords::decodeEntry)));
                }
                it.status();
            }
            return new DirectoryChanges(Math.max(after, current), true, changes);
        });
    }

    long write(List<EntryWrite> writes, Instant at) {
        writer.lock();
        try {
            Pending pending = new Pending();
            writes.forEach(pending::apply);
            long next = version + 1;
            // every record is encoded here, before the commit: a write that cannot be encoded fails
            // alone instead of failing the group it would have joined
            List<Change> batch = new ArrayList<>();
            pending.entries.forEach((key, entry) ->
                    batch.add(new Change(entries, bytes(key), entry.map(DirectoryRecords::encode).orElse(null))));
            pending.holders.forEach((key, holder) ->
                    batch.add(new Change(uniqueKeys, bytes(key), holder.map(DirectoryRecords::bytes).orElse(null))));
            for (int i = 0; i < writes.size(); i++) {
                EntryWrite w = writes.get(i);
                batch.add(new Change(log, DirectoryRecords.logKey(next, i),
                        DirectoryRecords.encode(new LogLine(next, w.kind(), w.id(), at))));
            }
            batch.add(new Change(meta, VERSION, DirectoryRecords.encodeNumber(next)));
            commit(batch);
            version = next;
            return next;
        } finally {
            writer.unlock();
        }
    }

    /**
     * Drops the log's lines written before {@code cutoff} minus {@link DirectoryStore#LOG_KEPT_FOR},
     * oldest first, and raises the floor to the last version dropped; returns how many lines went.
     */
    long purgeLogBefore(Instant cutoff) {
        Instant logCutoff = cutoff.minus(DirectoryStore.LOG_KEPT_FOR);
        writer.lock();
        try {
            List<byte[]> dropped = new ArrayList<>();
            long floor = 0;
            try (RocksIterator it = db.newIterator(log)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    LogLine line = DirectoryRecords.decodeLogLine(it.key(), it.value());
                    if (!line.at().isBefore(logCutoff)) {
                        break;
                    }
                    dropped.add(it.key());
                    floor = line.version();
                }
                it.status();
            } catch (RocksDBException e) {
                throw new StoreUnavailableException("The store could not read: " + e.getMessage(), e);
            }
            if (!dropped.isEmpty()) {
                List<Change> batch = new ArrayList<>();
                dropped.forEach(key -> batch.add(new Change(log, key, null)));
                batch.add(new Change(meta, LOG_FLOOR, DirectoryRecords.encodeNumber(floor)));
                commit(batch);
            }
            return dropped.size();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Commits one batch durably. After a failure the version is read back from the store, so that the
     * next write follows what is there whether or not the failed batch landed.
     */
    private void commit(List<Change> changes) {
        try {
            committer.commit(batch -> {
                try {
                    for (Change change : changes) {
                        change.addTo(batch);
                    }
                } catch (RocksDBException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            try {
                version = storedVersion();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private long storedVersion() {
        try {
            return DirectoryRecords.decodeNumber(db.get(meta, VERSION));
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("The store could not read the directory version: " + e.getMessage(), e);
        }
    }

    private <T> T withSnapshot(SnapshotRead<T> work) {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            return work.read(read);
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("The store could not read: " + e.getMessage(), e);
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    private Optional<byte[]> stored(ColumnFamilyHandle family, String key) {
        try {
            return Optional.ofNullable(db.get(family, bytes(key)));
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("The store could not read: " + e.getMessage(), e);
        }
    }

    /**
     * The state one write leads to, over the stored one: each entry it touches (empty once deleted) and
     * each unique key whose holder it changes (empty once freed). A put whose key another entry holds,
     * stored or put earlier in the same write, is refused before anything is written.
     */
    private final class Pending {
        final Map<String, Optional<StoredEntry>> entries = new LinkedHashMap<>();
        final Map<String, Optional<String>> holders = new LinkedHashMap<>();

        void apply(EntryWrite write) {
            String key = DirectoryRecords.entryKey(write.kind(), write.id());
            entry(key).ifPresent(old -> old.uniqueKeys().stream()
                    .filter(k -> holder(k).filter(key::equals).isPresent())
                    .forEach(k -> holders.put(k, Optional.empty())));
            if (write instanceof EntryWrite.Put put) {
                for (String k : put.entry().uniqueKeys()) {
                    if (holder(k).filter(h -> !h.equals(key)).isPresent()) {
                        throw new UniqueKeyTakenException(k);
                    }
                    holders.put(k, Optional.of(key));
                }
                entries.put(key, Optional.of(put.entry()));
            } else {
                entries.put(key, Optional.empty());
            }
        }

        private Optional<StoredEntry> entry(String key) {
            return entries.containsKey(key)
                    ? entries.get(key)
                    : stored(RocksDbDirectory.this.entries, key).map(DirectoryRecords::decodeEntry);
        }

        private Optional<String> holder(String uniqueKey) {
            return holders.containsKey(uniqueKey)
                    ? holders.get(uniqueKey)
                    : stored(uniqueKeys, uniqueKey).map(DirectoryRecords::text);
        }
    }

    /** One key of a batch, already encoded: its new value, or null to delete it. */
    private record Change(ColumnFamilyHandle family, byte[] key, byte[] value) {
        void addTo(WriteBatch batch) throws RocksDBException {
            if (value == null) {
                batch.delete(family, key);
            } else {
                batch.put(family, key, value);
            }
        }
    }

    @FunctionalInterface
    private interface SnapshotRead<T> {
        T read(ReadOptions read) throws RocksDBException;
    }
}
