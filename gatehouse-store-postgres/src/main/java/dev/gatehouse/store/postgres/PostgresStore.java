package dev.gatehouse.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale-out store: PostgreSQL through a HikariCP pool, schema kept by Flyway
 * ({@code db/migration}), one table per record kind. Every write commits before its method returns
 * (autocommit, or one explicit transaction for the read-change-write updates), so several Gatehouse
 * instances on one database see each other's writes at once. Times are kept as {@code timestamptz}
 * at millisecond precision, as the embedded store keeps them.
 */
public final class PostgresStore implements GatehouseStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String INSTANCE_KEY = "instance-key";
    private static final long CONNECTION_TIMEOUT_MS = 3_000;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final byte[] instanceKey;
    private final PostgresRateLimitBuckets rateLimitBuckets;
    private volatile boolean closed;

    private PostgresStore(HikariDataSource pool) {
        this.pool = pool;
        this.instanceKey = loadOrCreateInstanceKey();
        this.rateLimitBuckets = new PostgresRateLimitBuckets(pool);
    }

    /** Opens the store in the connection's default schema, migrating it to the current version first. */
    public static PostgresStore open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * Opens the store in {@code schema} (created if missing; lower-case letters, digits and underscores),
     * migrating it to the current version first. {@code null} means the connection's default schema.
     */
    public static PostgresStore open(String jdbcUrl, String schema) {
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a plain schema name: " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(4);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_SECONDS * 1000L);
        // Driver defaults; parameters written in the URL take precedence over these.
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "120");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "gatehouse");
        // A commit must be on disk before the write is acknowledged: never run with synchronous_commit
        // off, even where the server's default says so (any stronger setting is kept as it is).
        config.setConnectionInitSql("SELECT CASE WHEN current_setting('synchronous_commit') = 'off' "
                + "THEN set_config('synchronous_commit', 'on', false) END");
        if (schema != null) {
            config.setSchema(schema);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("PostgreSQL unreachable: " + describe(e), e);
        }
        try {
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
            return new PostgresStore(pool);
        } catch (RuntimeException e) {
            pool.close();
            if (e instanceof StoreUnavailableException) {
                throw e;
            }
            throw new StoreUnavailableException((isConnectionLoss(e) ? "PostgreSQL unreachable: "
                    : "Cannot prepare the PostgreSQL schema: ") + describe(e), e);
        }
    }

    // ---- sessions

    @Override
    public void createSession(SignInSession s) {
        execute("save a session", """
                INSERT INTO sessions (id, user_name, created_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET user_name = EXCLUDED.user_name, created_at = EXCLUDED.created_at,
                    expires_at = EXCLUDED.expires_at, ended_at = EXCLUDED.ended_at""",
                ps -> bindSession(ps, s));
    }

    @Override
    public Optional<SignInSession> findSession(String sessionId) {
        return query("read a session", "SELECT * FROM sessions WHERE id = ?", sessionId, PostgresStore::readSession);
    }

    @Override
    public void endSession(String sessionId, Instant endedAt) {
        update("end a session", "sessions", "id", sessionId, PostgresStore::readSession,
                """
                UPDATE sessions SET ended_at = ? WHERE id = ?""",
                (ps, s) -> {
                    setInstant(ps, 1, s.endedAt());
                    ps.setString(2, s.id());
                },
                s -> s.endedAt().isPresent() ? s : s.endedAt(endedAt));
    }

    // ---- tokens

    private static final String UPSERT_TOKEN = """
            INSERT INTO tokens (id, kind, hash, session_id, client_id, issued_at, expires_at, rotated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, hash = EXCLUDED.hash,
                session_id = EXCLUDED.session_id, client_id = EXCLUDED.client_id, issued_at = EXCLUDED.issued_at,
                expires_at = EXCLUDED.expires_at, rotated_at = EXCLUDED.rotated_at""";

    @Override
    public void saveToken(TokenRecord token) {
        execute("save a token", UPSERT_TOKEN, ps -> bindToken(ps, token));
    }

    @Override
    public Optional<TokenRecord> findToken(String tokenId) {
        return query("read a token", "SELECT * FROM tokens WHERE id = ?", tokenId, PostgresStore::readToken);
    }

    @Override
    public Optional<TokenRecord> updateToken(String tokenId, UnaryOperator<TokenRecord> change) {
        return update("change a token", "tokens", "id", tokenId, PostgresStore::readToken, UPSERT_TOKEN,
                PostgresStore::bindToken, change);
    }

    // ---- role sessions

    @Override
    public void saveRoleSession(RoleSession r) {
        execute("save a role session", """
                INSERT INTO role_sessions (access_key_id, session_token_hash, account_id, role_name, user_name,
                    sign_in_session_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (access_key_id) DO UPDATE SET session_token_hash = EXCLUDED.session_token_hash,
                    account_id = EXCLUDED.account_id, role_name = EXCLUDED.role_name,
                    user_name = EXCLUDED.user_name, sign_in_session_id = EXCLUDED.sign_in_session_id,
                    issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at""",
                ps -> {
                    ps.setString(1, r.accessKeyId());
                    ps.setBytes(2, r.sessionTokenHash());
                    ps.setString(3, r.accountId());
                    ps.setString(4, r.roleName());
                    ps.setString(5, r.userName());
                    ps.setString(6, r.signInSessionId());
                    setInstant(ps, 7, r.issuedAt());
                    setInstant(ps, 8, r.expiresAt());
                });
    }

    @Override
    public Optional<RoleSession> findRoleSession(String accessKeyId) {
        return query("read a role session", "SELECT * FROM role_sessions WHERE access_key_id = ?", accessKeyId,
                rs -> new RoleSession(rs.getString("access_key_id"), rs.getBytes("session_token_hash"),
                        rs.getString("account_id"), rs.getString("role_name"), rs.getString("user_name"),
                        rs.getString("sign_in_session_id"), getInstant(rs, "issued_at"),
                        getInstant(rs, "expires_at")));
    }

    // ---- clients

    @Override
    public void saveClient(RegisteredClient c) {
        execute("save a client", """
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

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return query("read a client", "SELECT * FROM clients WHERE client_id = ?", clientId,
                rs -> new RegisteredClient(rs.getString("client_id"), rs.getBytes("secret_hash"),
                        rs.getString("client_name"), rs.getString("client_type"), getList(rs, "scopes"),
                        getList(rs, "redirect_uris"), getList(rs, "grant_types"), getInstant(rs, "issued_at"),
                        getInstant(rs, "expires_at")));
    }

    // ---- device authorizations

    private static final String UPSERT_DEVICE = """
            INSERT INTO device_authorizations (id, device_code_hash, user_code, client_id, client_name, scopes,
                created_at, expires_at, interval_seconds, polls, last_polled_at, state, session_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET device_code_hash = EXCLUDED.device_code_hash,
                user_code = EXCLUDED.user_code, client_id = EXCLUDED.client_id, client_name = EXCLUDED.client_name,
                scopes = EXCLUDED.scopes, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
                interval_seconds = EXCLUDED.interval_seconds, polls = EXCLUDED.polls,
                last_polled_at = EXCLUDED.last_polled_at, state = EXCLUDED.state, session_id = EXCLUDED.session_id""";

    @Override
    public void saveDeviceAuthorization(DeviceAuthorization authorization) {
        execute("save a device authorization", UPSERT_DEVICE, ps -> bindDevice(ps, authorization));
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorization(String id) {
        return query("read a device authorization", "SELECT * FROM device_authorizations WHERE id = ?", id,
                PostgresStore::readDevice);
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorizationByUserCode(String userCode) {
        return query("read a device authorization", "SELECT * FROM device_authorizations WHERE user_code = ?",
                userCode, PostgresStore::readDevice);
    }

    @Override
    public Optional<DeviceAuthorization> updateDeviceAuthorization(String id,
                                                                   UnaryOperator<DeviceAuthorization> change) {
        return update("change a device authorization", "device_authorizations", "id", id, PostgresStore::readDevice,
                UPSERT_DEVICE, PostgresStore::bindDevice, change);
    }

    // ---- authorization codes

    private static final String UPSERT_CODE = """
            INSERT INTO authorization_codes (id, code_hash, client_id, redirect_uri, code_challenge, scopes,
                session_id, created_at, expires_at, used) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, client_id = EXCLUDED.client_id,
                redirect_uri = EXCLUDED.redirect_uri, code_challenge = EXCLUDED.code_challenge,
                scopes = EXCLUDED.scopes, session_id = EXCLUDED.session_id, created_at = EXCLUDED.created_at,
                expires_at = EXCLUDED.expires_at, used = EXCLUDED.used""";

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        execute("save an authorization code", UPSERT_CODE, ps -> bindCode(ps, code));
    }

    @Override
    public Optional<AuthorizationCode> findAuthorizationCode(String id) {
        return query("read an authorization code", "SELECT * FROM authorization_codes WHERE id = ?", id,
                PostgresStore::readCode);
    }

    @Override
    public Optional<AuthorizationCode> updateAuthorizationCode(String id, UnaryOperator<AuthorizationCode> change) {
        return update("change an authorization code", "authorization_codes", "id", id, PostgresStore::readCode,
                UPSERT_CODE, PostgresStore::bindCode, change);
    }

    // ---- counters

    @Override
    public Counter incrementCounter(String key, Instant at, Instant expiresAt) {
        // one statement, so the row lock makes concurrent increments from any instance add up
        return withConnection("count", c -> {
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
                    return readCounter(rs);
                }
            }
        });
    }

    @Override
    public boolean raiseCounter(String key, long value, Instant at, Instant expiresAt) {
        return withConnection("raise a counter", c -> {
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

    @Override
    public Optional<Counter> findCounter(String key, Instant now) {
        return query("read a counter", "SELECT * FROM counters WHERE key = ?", key, PostgresStore::readCounter)
                .filter(counter -> !counter.isExpiredAt(now));
    }

    @Override
    public void deleteCounter(String key) {
        execute("delete a counter", "DELETE FROM counters WHERE key = ?", ps -> ps.setString(1, key));
    }

    // ---- instance key, purge, health, close

    @Override
    public byte[] instanceKey() {
        return instanceKey.clone();
    }

    /**
     * The token buckets of the API rate limits, kept in this database so that every instance on it
     * takes from the same ones (Bucket4j's proxy manager; keys are the limiters' own).
     */
    public ProxyManager<String> rateLimitBuckets() {
        return rateLimitBuckets.proxyManager();
    }

    /**
     * Deletes, in one transaction, every record that expired before {@code cutoff}, then the rate-limit
     * buckets idle long enough to be full again; returns how many rows.
     */
    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        long records = inTransaction("purge expired records", c -> {
            long count = 0;
            for (String table : List.of("sessions", "tokens", "role_sessions", "clients", "device_authorizations",
                    "authorization_codes", "counters")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
                    setInstant(ps, 1, cutoff);
                    count += ps.executeUpdate();
                }
            }
            return count;
        });
        try {
            return records + rateLimitBuckets.purgeIdle();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("PostgreSQL could not purge idle rate-limit buckets: " + describe(e), e);
        }
    }

    @Override
    public Optional<String> unavailableReason() {
        if (closed) {
            return Optional.of("the store is closed");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(VALIDATION_TIMEOUT_SECONDS);
            s.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            if (isConnectionLoss(e)) {
                dropPooledConnections();
            }
            return Optional.of("PostgreSQL unreachable: " + describe(e));
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
    }

    /** Made once per data set: the first instance to insert it wins, and every instance reads the winner. */
    private byte[] loadOrCreateInstanceKey() {
        byte[] candidate = RandomIds.bytes(32);
        execute("create the instance key", "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                ps -> {
                    ps.setString(1, INSTANCE_KEY);
                    ps.setBytes(2, candidate);
                });
        return query("read the instance key", "SELECT value FROM meta WHERE name = ?", INSTANCE_KEY,
                rs -> rs.getBytes("value"))
                .orElseThrow(() -> new IllegalStateException("The instance key vanished from the meta table"));
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RecordBinder<T> {
        void bind(PreparedStatement ps, T record) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One statement in autocommit: committed when this returns. */
    private void execute(String what, String sql, Binder binder) {
        withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private <T> Optional<T> query(String what, String sql, String key, Reader<T> reader) {
        return withConnection(what, c -> select(c, sql, key, reader));
    }

    private static <T> Optional<T> select(Connection c, String sql, String key, Reader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Read, change, write in one transaction holding the row lock ({@code SELECT ... FOR UPDATE}), so
     * that two changes of one record never interleave, on this instance or another. Nothing is written
     * when {@code change} returns the same object; when it throws, the transaction is rolled back and
     * its exception reaches the caller unchanged.
     */
    private <T> Optional<T> update(String what, String table, String keyColumn, String key, Reader<T> reader,
                                   String writeSql, RecordBinder<T> binder, UnaryOperator<T> change) {
        String lockSql = "SELECT * FROM " + table + " WHERE " + keyColumn + " = ? FOR UPDATE";
        return inTransaction(what, c -> {
            Optional<T> current = select(c, lockSql, key, reader);
            if (current.isEmpty()) {
                return current;
            }
            T next = change.apply(current.get());
            if (next != current.get()) {
                try (PreparedStatement ps = c.prepareStatement(writeSql)) {
                    binder.bind(ps, next);
                    ps.executeUpdate();
                }
            }
            return Optional.of(next);
        });
    }

    /** Runs {@code work} in one transaction: committed when this returns, rolled back if anything throws. */
    private <T> T inTransaction(String what, Work<T> work) {
        return withConnection(what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        });
    }

    private <T> T withConnection(String what, Work<T> work) {
        if (closed) {
            throw new StoreUnavailableException("The PostgreSQL store is closed; cannot " + what, null);
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private RuntimeException failure(String what, SQLException e) {
        if (closed) {
            return new StoreUnavailableException("The PostgreSQL store is closed; cannot " + what, e);
        }
        if (isConnectionLoss(e)) {
            dropPooledConnections();
            return new StoreUnavailableException("PostgreSQL unreachable, could not " + what + ": " + describe(e), e);
        }
        return new StoreUnavailableException("PostgreSQL could not " + what + " (SQLState " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }

    /**
     * One pooled connection found broken means the others are most likely broken too (the database
     * restarted, or the network dropped): let the pool replace all of them rather than hand out
     * dead connections one failing request at a time once the database is back.
     */
    private void dropPooledConnections() {
        try {
            var bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                bean.softEvictConnections();
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not evict pooled connections", e);
        }
    }

    /** Connection-class errors: the database is down, restarting, refusing connections, or the link broke. */
    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The message and, when it adds something, the cause's message (never the URL's credentials). */
    private static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Could not restore autocommit; the pool drops the connection", e);
        }
    }

    // ---- record mapping

    private static void bindSession(PreparedStatement ps, SignInSession s) throws SQLException {
        ps.setString(1, s.id());
        ps.setString(2, s.userName());
        setInstant(ps, 3, s.createdAt());
        setInstant(ps, 4, s.expiresAt());
        setInstant(ps, 5, s.endedAt());
    }

    private static SignInSession readSession(ResultSet rs) throws SQLException {
        return new SignInSession(rs.getString("id"), rs.getString("user_name"), getInstant(rs, "created_at"),
                getInstant(rs, "expires_at"), getOptionalInstant(rs, "ended_at"));
    }

    private static void bindToken(PreparedStatement ps, TokenRecord t) throws SQLException {
        ps.setString(1, t.id());
        ps.setString(2, t.kind().name());
        ps.setBytes(3, t.hash());
        ps.setString(4, t.sessionId());
        ps.setString(5, t.clientId());
        setInstant(ps, 6, t.issuedAt());
        setInstant(ps, 7, t.expiresAt());
        setInstant(ps, 8, t.rotatedAt());
    }

    private static TokenRecord readToken(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("id"), TokenKind.valueOf(rs.getString("kind")), rs.getBytes("hash"),
                rs.getString("session_id"), rs.getString("client_id"), getInstant(rs, "issued_at"),
                getInstant(rs, "expires_at"), getOptionalInstant(rs, "rotated_at"));
    }

    private static void bindDevice(PreparedStatement ps, DeviceAuthorization d) throws SQLException {
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

    private static DeviceAuthorization readDevice(ResultSet rs) throws SQLException {
        return new DeviceAuthorization(rs.getString("id"), rs.getBytes("device_code_hash"), rs.getString("user_code"),
                rs.getString("client_id"), rs.getString("client_name"), getList(rs, "scopes"),
                getInstant(rs, "created_at"), getInstant(rs, "expires_at"), rs.getInt("interval_seconds"),
                rs.getInt("polls"), getOptionalInstant(rs, "last_polled_at"),
                DeviceAuthorization.State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("session_id")));
    }

    private static void bindCode(PreparedStatement ps, AuthorizationCode a) throws SQLException {
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

    private static AuthorizationCode readCode(ResultSet rs) throws SQLException {
        return new AuthorizationCode(rs.getString("id"), rs.getBytes("code_hash"), rs.getString("client_id"),
                rs.getString("redirect_uri"), rs.getString("code_challenge"), getList(rs, "scopes"),
                rs.getString("session_id"), getInstant(rs, "created_at"), getInstant(rs, "expires_at"),
                rs.getBoolean("used"));
    }

    private static Counter readCounter(ResultSet rs) throws SQLException {
        return new Counter(rs.getString("key"), rs.getLong("value"), getInstant(rs, "updated_at"),
                getInstant(rs, "expires_at"));
    }

    /** Millisecond precision, as the embedded store keeps times. */
    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void setInstant(PreparedStatement ps, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            setInstant(ps, index, instant.get());
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static Instant getInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Optional<Instant> getOptionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static void setList(PreparedStatement ps, int index, List<String> values) throws SQLException {
        Array array = ps.getConnection().createArrayOf("text", values.toArray(String[]::new));
        ps.setArray(index, array);
    }

    private static List<String> getList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return List.of((String[]) array.getArray());
    }
}
