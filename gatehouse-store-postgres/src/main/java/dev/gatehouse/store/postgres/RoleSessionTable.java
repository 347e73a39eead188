package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getOptionalInstant;
import static dev.gatehouse.store.postgres.Columns.setInstant;

import dev.gatehouse.domain.credentials.RoleSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code role_sessions} table: issued role credentials (by access key id, with when an admin ended them),
 * their SQL and row mapping.
 */
final class RoleSessionTable {
    private final Database database;

    RoleSessionTable(Database database) {
        this.database = database;
    }

    void save(RoleSession r) {
        database.execute("save a role session", """
                INSERT INTO role_sessions (access_key_id, session_token_hash, account_id, role_name, user_name,
                    sign_in_session_id, issued_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (access_key_id) DO UPDATE SET session_token_hash = EXCLUDED.session_token_hash,
                    account_id = EXCLUDED.account_id, role_name = EXCLUDED.role_name,
                    user_name = EXCLUDED.user_name, sign_in_session_id = EXCLUDED.sign_in_session_id,
                    issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at""",
                ps -> {
                    ps.setString(1, r.accessKeyId());
                    ps.setBytes(2, r.sessionTokenHash());
                    ps.setString(3, r.accountId());
                    ps.setString(4, r.roleName());
                    ps.setString(5, r.userName());
                    ps.setString(6, r.signInSessionId());
                    setInstant(ps, 7, r.issuedAt());
                    setInstant(ps, 8, r.expiresAt());
                    setInstant(ps, 9, r.endedAt());
                });
    }

    Optional<RoleSession> find(String accessKeyId) {
        return database.query("read a role session", "SELECT * FROM role_sessions WHERE access_key_id = ?",
                accessKeyId, RoleSessionTable::read);
    }

    /**
     * The role sessions issued from a sign-in session, oldest first (ties by access key id); served by the
     * {@code role_sessions_sign_in_session_id} index.
     */
    List<RoleSession> ofSignInSession(String signInSessionId) {
        return database.queryAll("read a sign-in session's role sessions", """
                SELECT * FROM role_sessions WHERE sign_in_session_id = ?
                ORDER BY issued_at, access_key_id COLLATE "C\"""", signInSessionId, RoleSessionTable::read);
    }

    /** One conditional statement: a role session once ended keeps its first end time. */
    void end(String accessKeyId, Instant endedAt) {
        database.execute("end a role session",
                "UPDATE role_sessions SET ended_at = ? WHERE access_key_id = ? AND ended_at IS NULL",
                ps -> {
                    setInstant(ps, 1, endedAt);
                    ps.setString(2, accessKeyId);
                });
    }

    private static RoleSession read(ResultSet rs) throws SQLException {
        return new RoleSession(rs.getString("access_key_id"), rs.getBytes("session_token_hash"),
                rs.getString("account_id"), rs.getString("role_name"), rs.getString("user_name"),
                rs.getString("sign_in_session_id"), getInstant(rs, "issued_at"), getInstant(rs, "expires_at"),
                getOptionalInstant(rs, "ended_at"));
    }
}
