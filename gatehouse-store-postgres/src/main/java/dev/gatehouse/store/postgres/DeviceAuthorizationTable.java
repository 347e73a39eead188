package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getList;
import static dev.gatehouse.store.postgres.Columns.getOptionalInstant;
import static dev.gatehouse.store.postgres.Columns.setInstant;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.oidc.DeviceAuthorization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code device_authorizations} table: device-code grants in progress (by id or by user code),
 * their SQL and their row mapping.
 */
final class DeviceAuthorizationTable {
    private static final String UPSERT_DEVICE = """
            INSERT INTO device_authorizations (id, device_code_hash, user_code, client_id, client_name, scopes,
                created_at, expires_at, interval_seconds, polls, last_polled_at, state, session_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET device_code_hash = EXCLUDED.device_code_hash,
                user_code = EXCLUDED.user_code, client_id = EXCLUDED.client_id, client_name = EXCLUDED.client_name,
                scopes = EXCLUDED.scopes, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
                interval_seconds = EXCLUDED.interval_seconds, polls = EXCLUDED.polls,
                last_polled_at = EXCLUDED.last_polled_at, state = EXCLUDED.state, session_id = EXCLUDED.session_id""";

    // the unique index on user_code refuses a code still held by a stored authorization (V1)
    private static final String INSERT_NEW_DEVICE = """
            INSERT INTO device_authorizations (id, device_code_hash, user_code, client_id, client_name, scopes,
                created_at, expires_at, interval_seconds, polls, last_polled_at, state, session_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final Database database;

    DeviceAuthorizationTable(Database database) {
        this.database = database;
    }

    /** False, and nothing saved, when its id or user code is taken. */
    boolean save(DeviceAuthorization authorization) {
        return database.execute("save a device authorization", INSERT_NEW_DEVICE, ps -> bind(ps, authorization)) == 1;
    }

    Optional<DeviceAuthorization> find(String id) {
        return database.query("read a device authorization", "SELECT * FROM device_authorizations WHERE id = ?", id,
                DeviceAuthorizationTable::read);
    }

    Optional<DeviceAuthorization> findByUserCode(String userCode) {
        return database.query("read a device authorization",
                "SELECT * FROM device_authorizations WHERE user_code = ?", userCode, DeviceAuthorizationTable::read);
    }

    Optional<DeviceAuthorization> update(String id, UnaryOperator<DeviceAuthorization> change) {
        return database.update("change a device authorization", "device_authorizations", "id", id,
                DeviceAuthorizationTable::read, UPSERT_DEVICE, DeviceAuthorizationTable::bind, change);
    }

    private static void bind(PreparedStatement ps, DeviceAuthorization d) throws SQLException {
        ps.setString(1, d.id());
        ps.setBytes(2, d.deviceCodeHash());
        ps.setString(3, d.userCode());
        ps.setString(4, d.clientId());
        ps.setString(5, d.clientName());
        setList(ps, 6, d.scopes());
        setInstant(ps, 7, d.createdAt());
        setInstant(ps, 8, d.expiresAt());
        ps.setInt(9, d.intervalSeconds());
        ps.setInt(10, d.polls());
        setInstant(ps, 11, d.lastPolledAt());
        ps.setString(12, d.state().name());
        ps.setString(13, d.sessionId().orElse(null));
    }

    private static DeviceAuthorization read(ResultSet rs) throws SQLException {
        return new DeviceAuthorization(rs.getString("id"), rs.getBytes("device_code_hash"), rs.getString("user_code"),
                rs.getString("client_id"), rs.getString("client_name"), getList(rs, "scopes"),
                getInstant(rs, "created_at"), getInstant(rs, "expires_at"), rs.getInt("interval_seconds"),
                rs.getInt("polls"), getOptionalInstant(rs, "last_polled_at"),
                DeviceAuthorization.State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("session_id")));
    }
}
