package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.setInstant;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code directory_log} table: one line per entry a write touched, at the write's version, in the
 * write's order; what every instance reads a few times a second to follow the directory. Its SQL and
 * its row mapping.
 */
final class DirectoryLogTable {
    private final Database database;

    DirectoryLogTable(Database database) {
        this.database = database;
    }

    /**
     * The lines after {@code version}, each with its entry as it is now (none when deleted), and the
     * directory's version, in one statement (one snapshot): the lines up to that version are all there,
     * since writes commit in version order. Incomplete when lines after {@code version} were purged.
     */
    DirectoryChanges changesAfter(long version) {
        return database.withConnection("read the directory's changes", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.version AS directory_version, s.log_floor, l.version AS change_version,
                        l.kind, l.id, e.kind AS entry_kind, e.unique_keys, e.body
                    FROM directory_state s
                    LEFT JOIN directory_log l ON l.version > ? AND s.log_floor <= ?
                    LEFT JOIN directory_entries e ON e.kind = l.kind AND e.id = l.id
                    ORDER BY l.version, l.seq""")) {
                ps.setLong(1, version);
                ps.setLong(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return read(rs, version);
                }
            }
        });
    }

    private static DirectoryChanges read(ResultSet rs, long after) throws SQLException {
        long version = 0;
        boolean complete = true;
        List<DirectoryChanges.Change> changes = new ArrayList<>();
        while (rs.next()) {
            version = rs.getLong("directory_version");
            complete = after >= rs.getLong("log_floor");
            long changeVersion = rs.getLong("change_version");
            if (rs.wasNull()) {
                continue;
            }
            String kind = rs.getString("kind");
            String id = rs.getString("id");
            Optional<StoredEntry> entry = rs.getString("entry_kind") == null
                    ? Optional.empty() : Optional.of(DirectoryEntryTable.read(rs, kind, id));
            changes.add(new DirectoryChanges.Change(changeVersion, kind, id, entry));
        }
        return complete ? new DirectoryChanges(Math.max(after, version), true, changes)
                : DirectoryChanges.incomplete(version);
    }

    /** Logs each of {@code writes} at {@code version}, in their order. */
    static void append(Connection c, long version, List<EntryWrite> writes, Instant at) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO directory_log (version, seq, kind, id, written_at)
                SELECT ?, w.seq, w.kind, w.id, ? FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS w(kind, id, seq)""")) {
            ps.setLong(1, version);
            setInstant(ps, 2, at);
            setList(ps, 3, writes.stream().map(EntryWrite::kind).toList());
            setList(ps, 4, writes.stream().map(EntryWrite::id).toList());
            ps.executeUpdate();
        }
    }

    /** The newest version with a line written before {@code before}, if any. */
    static OptionalLong newestVersionWrittenBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(version) FROM directory_log WHERE written_at < ?")) {
            setInstant(ps, 1, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long version = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(version);
            }
        }
    }

    /** Deletes every line up to and including {@code version}; how many. */
    static int deleteThrough(Connection c, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM directory_log WHERE version <= ?")) {
            ps.setLong(1, version);
            return ps.executeUpdate();
        }
    }
}
