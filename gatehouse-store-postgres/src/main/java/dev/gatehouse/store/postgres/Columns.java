package dev.gatehouse.store.postgres;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Binds and reads the column types JDBC has no direct setter for: times as {@code timestamptz}
 * (optional ones as NULL) and string lists as {@code text[]}.
 */
final class Columns {
    private Columns() {
    }

    /** Millisecond precision, as the embedded store keeps times. */
    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            setInstant(ps, index, instant.get());
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static void setList(PreparedStatement ps, int index, List<String> values) throws SQLException {
        Array array = ps.getConnection().createArrayOf("text", values.toArray(String[]::new));
        ps.setArray(index, array);
    }

    static List<String> getList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return List.of((String[]) array.getArray());
    }
}
