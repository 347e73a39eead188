package dev.gatehouse.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code directory_state} table, one row: the directory's version and the change log's floor (the
 * oldest version the log still reaches from). Its row lock is what puts directory writes one after
 * another across every instance on the database.
 */
final class DirectoryStateTable {
    private DirectoryStateTable() {
    }

    /**
     * The version this transaction's directory write will have. The first statement of every write: it
     * takes the state row's lock and keeps it to the commit, so that the writes of every instance commit
     * one after another in version order, and a reader of the log never sees version n+1 before n.
     */
    static long nextVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE directory_state SET version = version + 1 RETURNING version");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The directory_state row is missing");
            }
            return rs.getLong(1);
        }
    }

    /** The log no longer reaches from below {@code floor}: readers behind it load the whole directory. */
    static void raiseLogFloor(Connection c, long floor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE directory_state SET log_floor = greatest(log_floor, ?)")) {
            ps.setLong(1, floor);
            ps.executeUpdate();
        }
    }
}
