package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.store.postgres.DirectoryWritePlan.EntryRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code directory_unique_keys} table: which entry holds each unique key (deleted with the entry,
 * by its foreign key). Its primary key is the database's own guard that no key is held twice;
 * {@link DirectoryWritePlan} finds a taken key first, so that the caller learns which.
 */
final class DirectoryKeyTable {
    private DirectoryKeyTable() {
    }

    /** Who holds each of {@code keys}, and every key that {@code entries} hold. */
    static Map<String, EntryRef> holders(Connection c, Collection<String> keys, Collection<EntryRef> entries)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT key, kind, id FROM directory_unique_keys
                WHERE key = ANY(?) OR (kind, id) IN (SELECT * FROM unnest(?::text[], ?::text[]))""")) {
            setList(ps, 1, List.copyOf(keys));
            DirectoryEntryTable.setRefs(ps, 2, entries);
            Map<String, EntryRef> holders = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.put(rs.getString("key"), new EntryRef(rs.getString("kind"), rs.getString("id")));
                }
            }
            return holders;
        }
    }

    /** Records each entry as the holder of its keys, all free (see {@link DirectoryWritePlan}). */
    static void claim(Connection c, Collection<StoredEntry> entries) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (StoredEntry entry : entries) {
            Set<String> distinct = new LinkedHashSet<>(entry.uniqueKeys());
            for (String key : distinct) {
                keys.add(key);
                kinds.add(entry.kind());
                ids.add(entry.id());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO directory_unique_keys (key, kind, id)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[])""")) {
            setList(ps, 1, keys);
            setList(ps, 2, kinds);
            setList(ps, 3, ids);
            ps.executeUpdate();
        }
    }
}
