package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.TokenWithSession;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database written by an older Gatehouse opens with the current one: Flyway brings it to the current
 * version and the rows written before read back as they were, the facts the older version did not keep
 * read as not recorded.
 */
class PostgresMigrationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final List<String> SCHEMAS = new ArrayList<>();

    @AfterAll
    static void dropSchemas() {
        TestPostgres.dropSchemas(SCHEMAS);
    }

    @Test
    void sessionsTokensAndRoleSessionsWrittenAtVersion5ReadBackAsUnrecordedAfterVersion6() throws SQLException {
        String schema = TestPostgres.newSchemaName();
        SCHEMAS.add(schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestPostgres.jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas(schema)
                .createSchemas(true).target("5").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path = " + schema);
            // the rows as version 5 wrote them, with its columns only
            s.execute("""
                    INSERT INTO sessions (id, user_name, created_at, expires_at, ended_at) VALUES
                        ('s1', 'user-a', '2026-11-24T12:00:00Z', '2026-11-24T20:00:00Z', NULL),
                        ('s2', 'user-a', '2026-11-24T12:00:05Z', '2026-11-24T20:00:05Z', '2026-11-24T13:00:00Z')""");
            s.execute("""
                    INSERT INTO tokens (id, kind, hash, session_id, client_id, issued_at, expires_at, rotated_at) VALUES
                        ('t1', 'ACCESS', '\\x0102', 's1', 'client-1', '2026-11-24T12:00:01Z', '2026-11-24T13:00:01Z', NULL),
                        ('t2', 'REFRESH', '\\x0304', 's1', 'client-1', '2026-11-24T12:00:01Z', '2026-12-24T12:00:01Z',
                            '2026-11-24T12:30:00Z')""");
            s.execute("""
                    INSERT INTO role_sessions (access_key_id, session_token_hash, account_id, role_name, user_name,
                        sign_in_session_id, issued_at, expires_at) VALUES
                        ('ASIAAAAAAAAAAAAAAAA1', '\\x05', '111111111111', 'Admin', 'alice', 's1', '2026-11-24T12:01:00Z',
                            '2026-11-24T13:01:00Z')""");
        }

        try (PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), schema)) {
            SignInSession live = new SignInSession("s1", "user-a", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
            assertThat(store.findSession("s1")).contains(live);
            assertThat(live.origin()).isEqualTo(SessionOrigin.UNRECORDED);
            assertThat(store.sessionsOfUser("user-a")).extracting(SignInSession::origin)
                    .containsExactly(SessionOrigin.UNRECORDED, SessionOrigin.UNRECORDED);

            TokenRecord access = new TokenRecord("t1", TokenKind.ACCESS, new byte[] {1, 2}, "s1", "client-1",
                    NOW.plusSeconds(1), NOW.plusSeconds(1).plus(Duration.ofHours(1)), Optional.empty());
            assertThat(store.tokensOfSession("s1")).extracting(TokenRecord::id).containsExactly("t1", "t2");
            assertThat(store.tokensOfSession("s1").get(0)).usingRecursiveComparison().isEqualTo(access);
            assertThat(store.tokensOfSession("s1").get(1).rotatedAt()).contains(NOW.plus(Duration.ofMinutes(30)));
            TokenWithSession withSession = store.findTokenWithSession("t1").orElseThrow();
            assertThat(withSession.token().sourceAddress()).isEmpty();
            assertThat(withSession.session()).contains(live);

            RoleSession role = store.findRoleSession("ASIAAAAAAAAAAAAAAAA1").orElseThrow();
            assertThat(role.endedAt()).isEmpty();
            assertThat(role.isLiveAt(NOW.plus(Duration.ofMinutes(2)))).isTrue();
            assertThat(store.roleSessionsOfSignInSession("s1")).extracting(RoleSession::accessKeyId)
                    .containsExactly("ASIAAAAAAAAAAAAAAAA1");
            store.endRoleSession("ASIAAAAAAAAAAAAAAAA1", NOW.plus(Duration.ofMinutes(5)));
            assertThat(store.findRoleSession("ASIAAAAAAAAAAAAAAAA1").orElseThrow().endedAt())
                    .contains(NOW.plus(Duration.ofMinutes(5)));

            assertThat(store.findAudit(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Instant.EPOCH, NOW, Optional.empty(), 10, 10)).records()).isEmpty();
        }
    }
}
