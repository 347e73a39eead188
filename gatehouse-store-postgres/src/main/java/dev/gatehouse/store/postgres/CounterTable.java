package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.setInstant;

import dev.gatehouse.domain.store.Counter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code counters} table: expiring counters (sign-in throttle, TOTP replay guard, wrong user codes) that every
 * instance on the database counts in together, their SQL and their row mapping.
 */
final class CounterTable {
    private final Database database;

    CounterTable(Database database) {
        this.database = database;
    }

    Counter increment(String key, Instant at, Instant expiresAt) {
        // one statement, so the row lock makes concurrent increments from any instance add up
        return database.withConnection("count", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO counters AS c (key, value, updated_at, expires_at) VALUES (?, 1, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET
                        value = CASE WHEN c.expires_at <= EXCLUDED.updated_at THEN 1 ELSE c.value + 1 END,
                        updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
                    RETURNING *""")) {
                ps.setString(1, key);
                setInstant(ps, 2, at);
                setInstant(ps, 3, expiresAt);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    boolean raise(String key, long value, Instant at, Instant expiresAt) {
        return database.withConnection("raise a counter", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO counters AS c (key, value, updated_at, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,
                        expires_at = EXCLUDED.expires_at
                    WHERE c.value < EXCLUDED.value OR c.expires_at <= EXCLUDED.updated_at""")) {
                ps.setString(1, key);
                ps.setLong(2, value);
                setInstant(ps, 3, at);
                setInstant(ps, 4, expiresAt);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void decrement(String key) {
        database.execute("give back a count", "UPDATE counters SET value = value - 1 WHERE key = ? AND value > 0",
                ps -> ps.setString(1, key));
    }

    Optional<Counter> find(String key, Instant now) {
        return database.query("read a counter", "SELECT * FROM counters WHERE key = ?", key, CounterTable::read)
                .filter(counter -> !counter.isExpiredAt(now));
    }

    void delete(String key) {
        database.execute("delete a counter", "DELETE FROM counters WHERE key = ?", ps -> ps.setString(1, key));
    }

    private static Counter read(ResultSet rs) throws SQLException {
        return new Counter(rs.getString("key"), rs.getLong("value"), getInstant(rs, "updated_at"),
                getInstant(rs, "expires_at"));
    }
}
