package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getOptionalInstant;
import static dev.gatehouse.store.postgres.Columns.setInstant;

import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code sessions} table: sign-in sessions with their origin, their SQL and their row mapping. */
final class SessionTable {
    private final Database database;

    SessionTable(Database database) {
        this.database = database;
    }

    void save(SignInSession s) {
        database.execute("save a session", """
                INSERT INTO sessions (id, user_name, created_at, expires_at, ended_at, sign_in_method, client_name,
                    source_address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET user_name = EXCLUDED.user_name, created_at = EXCLUDED.created_at,
                    expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at,
                    sign_in_method = EXCLUDED.sign_in_method, client_name = EXCLUDED.client_name,
                    source_address = EXCLUDED.source_address, user_agent = EXCLUDED.user_agent""",
                ps -> bind(ps, s));
    }

    Optional<SignInSession> find(String sessionId) {
        return database.query("read a session", "SELECT * FROM sessions WHERE id = ?", sessionId, SessionTable::read);
    }

    /** The user's sessions, oldest first (ties by id); served by the {@code sessions_user_name} index. */
    List<SignInSession> ofUser(String userId) {
        return database.queryAll("read a user's sessions",
                "SELECT * FROM sessions WHERE user_name = ? ORDER BY created_at, id", userId, SessionTable::read);
    }

    /** One conditional statement: a session once ended keeps its first end time. */
    void end(String sessionId, Instant endedAt) {
        database.execute("end a session", "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                ps -> {
                    setInstant(ps, 1, endedAt);
                    ps.setString(2, sessionId);
                });
    }

    private static void bind(PreparedStatement ps, SignInSession s) throws SQLException {
        ps.setString(1, s.id());
        ps.setString(2, s.userId());
        setInstant(ps, 3, s.createdAt());
        setInstant(ps, 4, s.expiresAt());
        setInstant(ps, 5, s.endedAt());
        SessionOrigin origin = s.origin();
        ps.setString(6, origin.method().name());
        ps.setString(7, origin.clientName().orElse(null));
        ps.setString(8, origin.sourceAddress().orElse(null));
        ps.setString(9, origin.userAgent().orElse(null));
    }

    /** The session's columns as {@link TokenTable#findWithSession} names them; empty when it has none. */
    static Optional<SignInSession> readJoined(ResultSet rs) throws SQLException {
        String id = rs.getString("session_id_found");
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new SignInSession(id, rs.getString("session_user_name"),
                getInstant(rs, "session_created_at"), getInstant(rs, "session_expires_at"),
                getOptionalInstant(rs, "session_ended_at"), readOrigin(rs, "session_")));
    }

    private static SignInSession read(ResultSet rs) throws SQLException {
        return new SignInSession(rs.getString("id"), rs.getString("user_name"), getInstant(rs, "created_at"),
                getInstant(rs, "expires_at"), getOptionalInstant(rs, "ended_at"), readOrigin(rs, ""));
    }

    /** The origin columns, named with {@code prefix}; a row from before they existed reads as UNRECORDED. */
    private static SessionOrigin readOrigin(ResultSet rs, String prefix) throws SQLException {
        return new SessionOrigin(SignInMethod.valueOf(rs.getString(prefix + "sign_in_method")),
                Optional.ofNullable(rs.getString(prefix + "client_name")),
                Optional.ofNullable(rs.getString(prefix + "source_address")),
                Optional.ofNullable(rs.getString(prefix + "user_agent")));
    }
}
