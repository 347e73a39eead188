package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getList;
import static dev.gatehouse.store.postgres.Columns.setInstant;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.oidc.AuthorizationCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The {@code authorization_codes} table: codes of the authorization-code grant, their SQL and row mapping. */
final class AuthorizationCodeTable {
    private static final String UPSERT_CODE = """
            INSERT INTO authorization_codes (id, code_hash, client_id, redirect_uri, code_challenge, scopes,
                session_id, created_at, expires_at, used) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, client_id = EXCLUDED.client_id,
                redirect_uri = EXCLUDED.redirect_uri, code_challenge = EXCLUDED.code_challenge,
                scopes = EXCLUDED.scopes, session_id = EXCLUDED.session_id, created_at = EXCLUDED.created_at,
                expires_at = EXCLUDED.expires_at, used = EXCLUDED.used""";

    private final Database database;

    AuthorizationCodeTable(Database database) {
        this.database = database;
    }

    void save(AuthorizationCode code) {
        database.execute("save an authorization code", UPSERT_CODE, ps -> bind(ps, code));
    }

    Optional<AuthorizationCode> find(String id) {
        return database.query("read an authorization code", "SELECT * FROM authorization_codes WHERE id = ?", id,
                AuthorizationCodeTable::read);
    }

    Optional<AuthorizationCode> update(String id, UnaryOperator<AuthorizationCode> change) {
        return database.update("change an authorization code", "authorization_codes", "id", id,
                AuthorizationCodeTable::read, UPSERT_CODE, AuthorizationCodeTable::bind, change);
    }

    private static void bind(PreparedStatement ps, AuthorizationCode a) throws SQLException {
        ps.setString(1, a.id());
        ps.setBytes(2, a.codeHash());
        ps.setString(3, a.clientId());
        ps.setString(4, a.redirectUri());
        ps.setString(5, a.codeChallenge());
        setList(ps, 6, a.scopes());
        ps.setString(7, a.sessionId());
        setInstant(ps, 8, a.createdAt());
        setInstant(ps, 9, a.expiresAt());
        ps.setBoolean(10, a.used());
    }

    private static AuthorizationCode read(ResultSet rs) throws SQLException {
        return new AuthorizationCode(rs.getString("id"), rs.getBytes("code_hash"), rs.getString("client_id"),
                rs.getString("redirect_uri"), rs.getString("code_challenge"), getList(rs, "scopes"),
                rs.getString("session_id"), getInstant(rs, "created_at"), getInstant(rs, "expires_at"),
                rs.getBoolean("used"));
    }
}
