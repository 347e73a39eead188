package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getList;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.store.postgres.DirectoryWritePlan.EntryRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code directory_entries} table: every directory entry's unique keys (in the order it lists
 * them) and opaque body, by kind and id; its SQL and its row mapping.
 */
final class DirectoryEntryTable {
    private final Database database;

    DirectoryEntryTable(Database database) {
        this.database = database;
    }

    /** Every entry and the version they make up, read in one statement (one snapshot). */
    DirectorySnapshot loadAll() {
        return database.withConnection("load the directory", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.version AS directory_version, e.kind, e.id, e.unique_keys, e.body
                    FROM directory_state s LEFT JOIN directory_entries e ON true
                    ORDER BY e.kind, e.id""");
                 ResultSet rs = ps.executeQuery()) {
                long version = 0;
                List<StoredEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    version = rs.getLong("directory_version");
                    if (rs.getString("kind") != null) {
                        entries.add(read(rs, rs.getString("kind"), rs.getString("id")));
                    }
                }
                return new DirectorySnapshot(version, entries);
            }
        });
    }

    /** Deletes these entries, where stored; the keys they hold go with them (the foreign key cascades). */
    static void delete(Connection c, Collection<EntryRef> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM directory_entries
                WHERE (kind, id) IN (SELECT * FROM unnest(?::text[], ?::text[]))""")) {
            setRefs(ps, 1, refs);
            ps.executeUpdate();
        }
    }

    /** Stores each entry, none of its kind and id being stored (one batch). */
    static void insert(Connection c, Collection<StoredEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO directory_entries (kind, id, unique_keys, body) VALUES (?, ?, ?, ?)")) {
            for (StoredEntry e : entries) {
                ps.setString(1, e.kind());
                ps.setString(2, e.id());
                setList(ps, 3, e.uniqueKeys());
                ps.setBytes(4, e.body());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds {@code refs} as two parallel arrays, kinds at {@code index} and ids after them, for {@code unnest}. */
    static void setRefs(PreparedStatement ps, int index, Collection<EntryRef> refs) throws SQLException {
        setList(ps, index, refs.stream().map(EntryRef::kind).toList());
        setList(ps, index + 1, refs.stream().map(EntryRef::id).toList());
    }

    /** The entry in the current row, whose {@code unique_keys} and {@code body} columns are this table's. */
    static StoredEntry read(ResultSet rs, String kind, String id) throws SQLException {
        return new StoredEntry(kind, id, getList(rs, "unique_keys"), rs.getBytes("body"));
    }
}
