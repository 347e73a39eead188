package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getOptionalInstant;
import static dev.gatehouse.store.postgres.Columns.setInstant;

import dev.gatehouse.domain.store.TokenWithSession;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code tokens} table: issued tokens (by id, with their hash and the address they went to), their SQL and their
 * row mapping.
 */
final class TokenTable {
    private static final String UPSERT_TOKEN = """
            INSERT INTO tokens (id, kind, hash, session_id, client_id, issued_at, expires_at, rotated_at,
                source_address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, hash = EXCLUDED.hash,
                session_id = EXCLUDED.session_id, client_id = EXCLUDED.client_id, issued_at = EXCLUDED.issued_at,
                expires_at = EXCLUDED.expires_at, rotated_at = EXCLUDED.rotated_at,
                source_address = EXCLUDED.source_address""";

    private final Database database;

    TokenTable(Database database) {
        this.database = database;
    }

    void save(TokenRecord token) {
        database.execute("save a token", UPSERT_TOKEN, ps -> bind(ps, token));
    }

    Optional<TokenRecord> find(String tokenId) {
        return database.query("read a token", "SELECT * FROM tokens WHERE id = ?", tokenId, TokenTable::read);
    }

    /** The token and its session in one round trip (what every API call's token check reads). */
    Optional<TokenWithSession> findWithSession(String tokenId) {
        return database.query("read a token", """
                SELECT t.*, s.id AS session_id_found, s.user_name AS session_user_name,
                    s.created_at AS session_created_at, s.expires_at AS session_expires_at,
                    s.ended_at AS session_ended_at, s.sign_in_method AS session_sign_in_method,
                    s.client_name AS session_client_name, s.source_address AS session_source_address,
                    s.user_agent AS session_user_agent
                FROM tokens t LEFT JOIN sessions s ON s.id = t.session_id
                WHERE t.id = ?""", tokenId,
                rs -> new TokenWithSession(read(rs), SessionTable.readJoined(rs)));
    }

    /** The session's tokens, oldest first (ties by id); served by the {@code tokens_session_id} index. */
    List<TokenRecord> ofSession(String sessionId) {
        return database.queryAll("read a session's tokens",
                "SELECT * FROM tokens WHERE session_id = ? ORDER BY issued_at, id COLLATE \"C\"", sessionId,
                TokenTable::read);
    }

    Optional<TokenRecord> update(String tokenId, UnaryOperator<TokenRecord> change) {
        return database.update("change a token", "tokens", "id", tokenId, TokenTable::read, UPSERT_TOKEN,
                TokenTable::bind, change);
    }

    private static void bind(PreparedStatement ps, TokenRecord t) throws SQLException {
        ps.setString(1, t.id());
        ps.setString(2, t.kind().name());
        ps.setBytes(3, t.hash());
        ps.setString(4, t.sessionId());
        ps.setString(5, t.clientId());
        setInstant(ps, 6, t.issuedAt());
        setInstant(ps, 7, t.expiresAt());
        setInstant(ps, 8, t.rotatedAt());
        ps.setString(9, t.sourceAddress().orElse(null));
    }

    private static TokenRecord read(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("id"), TokenKind.valueOf(rs.getString("kind")), rs.getBytes("hash"),
                rs.getString("session_id"), rs.getString("client_id"), getInstant(rs, "issued_at"),
                getInstant(rs, "expires_at"), getOptionalInstant(rs, "rotated_at"),
                Optional.ofNullable(rs.getString("source_address")));
    }
}
