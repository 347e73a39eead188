package dev.gatehouse.store.postgres;

import static dev.gatehouse.store.postgres.Columns.setInstant;

import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.domain.store.TokenWithSession;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenRecord;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The scale-out store: PostgreSQL through a HikariCP pool, schema kept by Flyway
 * ({@code db/migration}), one table per record kind. Every write commits before its method returns
 * (autocommit, or one explicit transaction for the read-change-write updates), so several Gatehouse
 * instances on one database see each other's writes at once. Times are kept as {@code timestamptz}
 * at millisecond precision, as the embedded store keeps them.
 *
 * <p>This class opens the store and answers the port; the pool and its plumbing are in {@link Database},
 * each table's SQL and row mapping in its own {@code *Table} class, the directory's writes and change
 * log in {@link PostgresDirectory}.
 */
public final class PostgresStore implements GatehouseStore, MeterBinder {
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String INSTANCE_KEY = "instance-key";

    private final Database database;
    private final SessionTable sessions;
    private final TokenTable tokens;
    private final RoleSessionTable roleSessions;
    private final ClientTable clients;
    private final DeviceAuthorizationTable deviceAuthorizations;
    private final AuthorizationCodeTable authorizationCodes;
    private final CounterTable counters;
    private final AuditTable audit;
    private final PostgresDirectory directory;
    private final byte[] instanceKey;
    private final PostgresRateLimitBuckets rateLimitBuckets;

    private PostgresStore(Database database) {
        this.database = database;
        this.sessions = new SessionTable(database);
        this.tokens = new TokenTable(database);
        this.roleSessions = new RoleSessionTable(database);
        this.clients = new ClientTable(database);
        this.deviceAuthorizations = new DeviceAuthorizationTable(database);
        this.authorizationCodes = new AuthorizationCodeTable(database);
        this.counters = new CounterTable(database);
        this.audit = new AuditTable(database);
        this.directory = new PostgresDirectory(database);
        this.instanceKey = loadOrCreateInstanceKey();
        this.rateLimitBuckets = new PostgresRateLimitBuckets(database.dataSource());
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
        Database database = Database.connect(jdbcUrl, schema);
        try {
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
            return new PostgresStore(database);
        } catch (RuntimeException e) {
            database.close();
            if (e instanceof StoreUnavailableException) {
                throw e;
            }
            throw new StoreUnavailableException((Database.isConnectionLoss(e) ? "PostgreSQL unreachable: "
                    : "Cannot prepare the PostgreSQL schema: ") + Database.describe(e), e);
        }
    }

    // ---- sessions

    @Override
    public void createSession(SignInSession s) {
        sessions.save(s);
    }

    @Override
    public Optional<SignInSession> findSession(String sessionId) {
        return sessions.find(sessionId);
    }

    @Override
    public List<SignInSession> sessionsOfUser(String userId) {
        return sessions.ofUser(userId);
    }

    @Override
    public void endSession(String sessionId, Instant endedAt) {
        sessions.end(sessionId, endedAt);
    }

    // ---- tokens

    @Override
    public void saveToken(TokenRecord token) {
        tokens.save(token);
    }

    @Override
    public List<TokenRecord> tokensOfSession(String sessionId) {
        return tokens.ofSession(sessionId);
    }

    @Override
    public Optional<TokenRecord> findToken(String tokenId) {
        return tokens.find(tokenId);
    }

    @Override
    public Optional<TokenWithSession> findTokenWithSession(String tokenId) {
        return tokens.findWithSession(tokenId);
    }

    @Override
    public Optional<TokenRecord> updateToken(String tokenId, UnaryOperator<TokenRecord> change) {
        return tokens.update(tokenId, change);
    }

    // ---- role sessions

    @Override
    public void saveRoleSession(RoleSession r) {
        roleSessions.save(r);
    }

    @Override
    public Optional<RoleSession> findRoleSession(String accessKeyId) {
        return roleSessions.find(accessKeyId);
    }

    @Override
    public List<RoleSession> roleSessionsOfSignInSession(String signInSessionId) {
        return roleSessions.ofSignInSession(signInSessionId);
    }

    @Override
    public void endRoleSession(String accessKeyId, Instant endedAt) {
        roleSessions.end(accessKeyId, endedAt);
    }

    // ---- audit trail

    @Override
    public void appendAudit(List<AuditRecord> records) {
        audit.append(records);
    }

    @Override
    public AuditPage findAudit(AuditQuery query) {
        return audit.find(query);
    }

    // ---- clients

    @Override
    public void saveClient(RegisteredClient c) {
        clients.save(c);
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return clients.find(clientId);
    }

    // ---- device authorizations

    @Override
    public boolean saveDeviceAuthorization(DeviceAuthorization authorization) {
        return deviceAuthorizations.save(authorization);
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorization(String id) {
        return deviceAuthorizations.find(id);
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorizationByUserCode(String userCode) {
        return deviceAuthorizations.findByUserCode(userCode);
    }

    @Override
    public Optional<DeviceAuthorization> updateDeviceAuthorization(String id,
                                                                   UnaryOperator<DeviceAuthorization> change) {
        return deviceAuthorizations.update(id, change);
    }

    // ---- authorization codes

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        authorizationCodes.save(code);
    }

    @Override
    public Optional<AuthorizationCode> findAuthorizationCode(String id) {
        return authorizationCodes.find(id);
    }

    @Override
    public Optional<AuthorizationCode> updateAuthorizationCode(String id, UnaryOperator<AuthorizationCode> change) {
        return authorizationCodes.update(id, change);
    }

    // ---- counters

    @Override
    public Counter incrementCounter(String key, Instant at, Instant expiresAt) {
        return counters.increment(key, at, expiresAt);
    }

    @Override
    public boolean raiseCounter(String key, long value, Instant at, Instant expiresAt) {
        return counters.raise(key, value, at, expiresAt);
    }

    @Override
    public void decrementCounter(String key) {
        counters.decrement(key);
    }

    @Override
    public Optional<Counter> findCounter(String key, Instant now) {
        return counters.find(key, now);
    }

    @Override
    public void deleteCounter(String key) {
        counters.delete(key);
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

    // ---- the directory

    @Override
    public DirectorySnapshot loadDirectory() {
        return directory.load();
    }

    @Override
    public DirectoryChanges directoryChangesAfter(long version) {
        return directory.changesAfter(version);
    }

    @Override
    public long writeDirectory(List<EntryWrite> writes, Instant at) {
        return directory.write(writes, at);
    }

    /**
     * Deletes, in one transaction, every record that expired before {@code cutoff} (audit records whose
     * retention ran out among them) and the directory log's lines older than
     * {@link dev.gatehouse.domain.store.DirectoryStore#LOG_KEPT_FOR} before it, then the rate-limit buckets idle long enough to be full again; returns how many rows. Every instance purges on its
     * own schedule; one at a time does the work (a transaction-scoped advisory lock per schema), the
     * others find it taken and return 0 rather than wait or contend for the same rows.
     */
    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        Long records = database.inTransaction("purge expired records", c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.gatehouse-purge'))");
                 var rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return null;
                }
            }
            long count = 0;
            for (String table : List.of("sessions", "tokens", "role_sessions", "clients", "device_authorizations",
                    "authorization_codes", "counters", "audit_records")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
                    setInstant(ps, 1, cutoff);
                    count += ps.executeUpdate();
                }
            }
            return count + PostgresDirectory.purgeLog(c, cutoff);
        });
        if (records == null) {
            return 0;
        }
        try {
            return records + rateLimitBuckets.purgeIdle();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("PostgreSQL could not purge idle rate-limit buckets: "
                    + Database.describe(e), e);
        }
    }

    /**
     * The connection pool's meters (HikariCP's: connections active, idle, pending, and the time to get
     * one). No availability gauge: finding that out takes a query, too much for every scrape.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        database.bindMetrics(registry);
    }

    @Override
    public Optional<String> unavailableReason() {
        return database.unavailableReason();
    }

    @Override
    public void close() {
        database.close();
    }

    /** Made once per data set: the first instance to insert it wins, and every instance reads the winner. */
    private byte[] loadOrCreateInstanceKey() {
        byte[] candidate = RandomIds.bytes(32);
        database.execute("create the instance key",
                "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                ps -> {
                    ps.setString(1, INSTANCE_KEY);
                    ps.setBytes(2, candidate);
                });
        return database.query("read the instance key", "SELECT value FROM meta WHERE name = ?", INSTANCE_KEY,
                rs -> rs.getBytes("value"))
                .orElseThrow(() -> new IllegalStateException("The instance key vanished from the meta table"));
    }
}
