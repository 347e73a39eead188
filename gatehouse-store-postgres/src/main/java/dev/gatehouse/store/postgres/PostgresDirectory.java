package dev.gatehouse.store.postgres;

import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.DirectoryStore;
import dev.gatehouse.domain.store.EntryWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The directory's part of the port on PostgreSQL ({@link DirectoryStore}): entries, their unique keys
 * and the change log in four tables ({@code V4__directory.sql}).
 *
 * <p>A write is one transaction that first bumps the version in {@code directory_state}, holding that
 * row's lock until it commits: writes from every instance are applied one after another, and commit in
 * version order, so an instance reading the log after version n never finds n+2 committed while n+1
 * is still to come (it would skip it for good). Then the keys the write touches are read,
 * {@link DirectoryWritePlan} applies the writes to them in order (a taken key rolls everything back),
 * and the outcome is stored with a few set-wide statements: every entry written is deleted (its keys go
 * with it), the ones the write leaves stored are inserted again with their keys, and the log lines
 * are added.
 */
final class PostgresDirectory {
    private final Database database;
    private final DirectoryEntryTable entries;
    private final DirectoryLogTable log;

    PostgresDirectory(Database database) {
        this.database = database;
        this.entries = new DirectoryEntryTable(database);
        this.log = new DirectoryLogTable(database);
    }

    DirectorySnapshot load() {
        return entries.loadAll();
    }

    DirectoryChanges changesAfter(long version) {
        return log.changesAfter(version);
    }

    long write(List<EntryWrite> writes, Instant at) {
        return database.inTransaction("write the directory", c -> {
            long version = DirectoryStateTable.nextVersion(c);
            DirectoryWritePlan plan = DirectoryWritePlan.of(writes, DirectoryKeyTable.holders(c,
                    DirectoryWritePlan.keysClaimed(writes), DirectoryWritePlan.entriesWritten(writes)));
            DirectoryEntryTable.delete(c, plan.written());
            DirectoryEntryTable.insert(c, plan.stored());
            DirectoryKeyTable.claim(c, plan.stored());
            DirectoryLogTable.append(c, version, writes, at);
            return version;
        });
    }

    /**
     * In the purge's transaction: drops the log lines written before {@code cutoff} less
     * {@link DirectoryStore#LOG_KEPT_FOR}, with every line at or below the newest of them, and raises the
     * log's floor to it; how many lines. Called last, since the floor's update waits for (and then holds
     * up) the directory writes until the purge commits.
     */
    static long purgeLog(Connection c, Instant cutoff) throws SQLException {
        OptionalLong floor = DirectoryLogTable.newestVersionWrittenBefore(c, cutoff.minus(DirectoryStore.LOG_KEPT_FOR));
        if (floor.isEmpty()) {
            return 0;
        }
        int lines = DirectoryLogTable.deleteThrough(c, floor.getAsLong());
        DirectoryStateTable.raiseLogFloor(c, floor.getAsLong());
        return lines;
    }
}
