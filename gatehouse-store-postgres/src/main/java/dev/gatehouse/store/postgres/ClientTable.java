package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.getInstant;
import static dev.gatehouse.store.postgres.Columns.getList;
import static dev.gatehouse.store.postgres.Columns.setInstant;
import static dev.gatehouse.store.postgres.Columns.setList;

import dev.gatehouse.domain.oidc.RegisteredClient;
import java.util.Optional;

/** The {@code clients} table: registered OIDC clients, their SQL and their row mapping. */
final class ClientTable {
    private final Database database;

    ClientTable(Database database) {
        this.database = database;
    }

    void save(RegisteredClient c) {
        database.execute("save a client", """
                INSERT INTO clients (client_id, secret_hash, client_name, client_type, scopes, redirect_uris,
                    grant_types, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash,
                    client_name = EXCLUDED.client_name, client_type = EXCLUDED.client_type, scopes = EXCLUDED.scopes,
                    redirect_uris = EXCLUDED.redirect_uris, grant_types = EXCLUDED.grant_types,
                    issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at""",
                ps -> {
                    ps.setString(1, c.clientId());
                    ps.setBytes(2, c.secretHash());
                    ps.setString(3, c.clientName());
                    ps.setString(4, c.clientType());
                    setList(ps, 5, c.scopes());
                    setList(ps, 6, c.redirectUris());
                    setList(ps, 7, c.grantTypes());
                    setInstant(ps, 8, c.issuedAt());
                    setInstant(ps, 9, c.expiresAt());
                });
    }

    Optional<RegisteredClient> find(String clientId) {
        return database.query("read a client", "SELECT * FROM clients WHERE client_id = ?", clientId,
                rs -> new RegisteredClient(rs.getString("client_id"), rs.getBytes("secret_hash"),
                        rs.getString("client_name"), rs.getString("client_type"), getList(rs, "scopes"),
                        getList(rs, "redirect_uris"), getList(rs, "grant_types"), getInstant(rs, "issued_at"),
                        getInstant(rs, "expires_at")));
    }
}
