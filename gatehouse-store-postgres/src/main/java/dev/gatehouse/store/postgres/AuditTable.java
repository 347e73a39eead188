package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getList;
import static dev.gatehouse.store.postgres.Columns.setInstant;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code audit_records} table: the audit trail, its SQL and its row mapping. The primary key is the
 * record's id, which sorts as the records' times do, so newest first is the primary key read backwards.
 *
 * <p>A query reads its records in two steps of one statement. First the <em>scan window</em>: the ids of
 * at most {@code scanLimit} records below {@link AuditQuery#idsBelow()} and from {@link AuditQuery#idsFrom()},
 * newest first, read from the primary key alone (an index-only scan of short keys, whatever the filter).
 * Then the records of that window that match the filter, newest first, at most {@code limit} of them,
 * read through the index that fits the filter ({@code audit_records_user_id}, {@code …_user_name},
 * {@code …_event}, or the primary key). So a query costs at most {@code scanLimit} index entries plus the
 * rows it answers, however little its filter matches, and answers what the store contract (and the in-memory
 * store) answers for the same records, times taken at millisecond precision as the store keeps them: the next
 * page starts below the last record answered when the page is full, below the window when the window was
 * full, and nowhere when the window reached the oldest record at or after {@code from}.
 */
final class AuditTable {
    private static final String INSERT = """
            INSERT INTO audit_records (id, occurred_at, event, outcome, user_name, user_id, session_id, client_name,
                client_id, source_address, request_id, details, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";

    private final Database database;

    AuditTable(Database database) {
        this.database = database;
    }

    /** One batch in one transaction: all the records are stored, or none; an id already stored keeps its record. */
    void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        database.inTransaction("store audit records", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (AuditRecord record : records) {
                    bind(ps, record);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    AuditPage find(AuditQuery query) {
        return database.withConnection("read audit records", c -> {
            try (PreparedStatement ps = c.prepareStatement(findSql(query))) {
                int i = 0;
                ps.setString(++i, query.idsBelow());
                ps.setString(++i, query.idsFrom());
                ps.setInt(++i, query.scanLimit());
                ps.setString(++i, query.idsBelow());
                setInstant(ps, ++i, query.from());
                setInstant(ps, ++i, query.until());
                if (query.userId().isPresent()) {
                    ps.setString(++i, query.userId().get());
                }
                if (query.userName().isPresent()) {
                    ps.setString(++i, query.userName().get());
                }
                if (query.event().isPresent()) {
                    ps.setString(++i, query.event().get().name());
                }
                ps.setInt(++i, query.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    return page(rs, query);
                }
            }
        });
    }

    /** The statement for the query's filter: which of the user and event conditions it has. */
    private static String findSql(AuditQuery query) {
        List<String> user = new ArrayList<>();
        query.userId().ifPresent(id -> user.add("user_id = ?"));
        query.userName().ifPresent(name -> user.add("user_name = ?"));
        String userCondition = user.isEmpty() ? "" : " AND (" + String.join(" OR ", user) + ")";
        String eventCondition = query.event().isPresent() ? " AND event = ?" : "";
        return """
                WITH scan_window AS (
                    SELECT min(id) AS window_lowest, count(*) AS window_size FROM (
                        SELECT id FROM audit_records WHERE id < ? AND id >= ? ORDER BY id DESC LIMIT ?) ids
                )
                SELECT w.window_lowest, w.window_size, a.* FROM scan_window w LEFT JOIN LATERAL (
                    SELECT * FROM audit_records
                    WHERE id < ? AND id >= w.window_lowest AND occurred_at >= ? AND occurred_at < ?%s%s
                    ORDER BY id DESC LIMIT ?) a ON true
                ORDER BY a.id DESC""".formatted(userCondition, eventCondition);
    }

    private static AuditPage page(ResultSet rs, AuditQuery query) throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        String windowLowest = null;
        long windowSize = 0;
        while (rs.next()) {
            windowLowest = rs.getString("window_lowest");
            windowSize = rs.getLong("window_size");
            if (rs.getString("id") != null) {
                records.add(read(rs));
            }
        }
        Optional<String> nextBefore;
        if (records.size() == query.limit()) {
            nextBefore = Optional.of(records.get(records.size() - 1).id());
        } else if (windowSize == query.scanLimit()) {
            nextBefore = Optional.of(windowLowest);
        } else {
            nextBefore = Optional.empty();
        }
        return new AuditPage(records, nextBefore);
    }

    private static void bind(PreparedStatement ps, AuditRecord r) throws SQLException {
        ps.setString(1, r.id());
        setInstant(ps, 2, r.time());
        ps.setString(3, r.event().name());
        ps.setString(4, r.outcome().name());
        ps.setString(5, r.user().orElse(null));
        ps.setString(6, r.userId().orElse(null));
        ps.setString(7, r.sessionId().orElse(null));
        ps.setString(8, r.client().orElse(null));
        ps.setString(9, r.clientId().orElse(null));
        ps.setString(10, r.sourceAddress().orElse(null));
        ps.setString(11, r.requestId().orElse(null));
        setList(ps, 12, namesAndValues(r.details()));
        setInstant(ps, 13, r.expiresAt());
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getString("id"), getInstant(rs, "occurred_at"),
                AuditEvent.valueOf(rs.getString("event")), AuditOutcome.valueOf(rs.getString("outcome")),
                optional(rs, "user_name"), optional(rs, "user_id"), optional(rs, "session_id"),
                optional(rs, "client_name"), optional(rs, "client_id"), optional(rs, "source_address"),
                optional(rs, "request_id"), details(getList(rs, "details")), getInstant(rs, "expires_at"));
    }

    private static Optional<String> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** The details as one array: name, value, name, value, ... in the names' order. */
    private static List<String> namesAndValues(Map<String, String> details) {
        List<String> flat = new ArrayList<>(details.size() * 2);
        new TreeMap<>(details).forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return flat;
    }

    private static Map<String, String> details(List<String> namesAndValues) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
            details.put(namesAndValues.get(i), namesAndValues.get(i + 1));
        }
        return details;
    }
}
