package dev.gatehouse.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.gatehouse.domain.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HikariCP pool and the JDBC plumbing around it: one statement in autocommit, a keyed read, a
 * locked read-change-write, a transaction; an {@link SQLException} becomes a
 * {@link StoreUnavailableException} (a statement PostgreSQL refuses for its content, an
 * {@link IllegalStateException}), and a lost connection makes the pool replace all of its own.
 */
final class Database {
    // logged under the store's name, so that logging set up for the store still applies
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    private static final long CONNECTION_TIMEOUT_MS = 3_000;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RecordBinder<T> {
        void bind(PreparedStatement ps, T record) throws SQLException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private volatile boolean closed;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Starts the pool on {@code jdbcUrl}, its connections in {@code schema} ({@code null}: the default one). */
    static Database connect(String jdbcUrl, String schema) {
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
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("PostgreSQL unreachable: " + describe(e), e);
        }
    }

    /** HikariCP's own meters ({@code hikaricp.connections}, acquire and usage times) into {@code registry}; once. */
    void bindMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** The pool itself, for the libraries that take a data source (Flyway, Bucket4j). */
    DataSource dataSource() {
        return pool;
    }

    /** One statement in autocommit: committed when this returns; the number of rows it changed. */
    int execute(String what, String sql, Binder binder) {
        return withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    <T> Optional<T> query(String what, String sql, String key, Reader<T> reader) {
        return withConnection(what, c -> select(c, sql, key, reader));
    }

    /** Every row {@code sql} selects for {@code key}, in the order the statement gives them. */
    <T> List<T> queryAll(String what, String sql, String key, Reader<T> reader) {
        return withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                    return rows;
                }
            }
        });
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
    <T> Optional<T> update(String what, String table, String keyColumn, String key, Reader<T> reader,
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
    <T> T inTransaction(String what, Work<T> work) {
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

    <T> T withConnection(String what, Work<T> work) {
        if (closed) {
            throw new StoreUnavailableException("The PostgreSQL store is closed; cannot " + what, null);
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Empty when a pooled connection answers {@code SELECT 1} in time; otherwise why not. */
    Optional<String> unavailableReason() {
        if (closed) {
            return Optional.of("the store is closed");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(VALIDATION_TIMEOUT_SECONDS);
            s.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            if (isPoolExhausted(e)) {
                return Optional.of("PostgreSQL busy: " + describe(e));
            }
            if (isConnectionLoss(e)) {
                dropPooledConnections();
            }
            return Optional.of("PostgreSQL unreachable: " + describe(e));
        }
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
    }

    private RuntimeException failure(String what, SQLException e) {
        if (closed) {
            return new StoreUnavailableException("The PostgreSQL store is closed; cannot " + what, e);
        }
        if (isPoolExhausted(e)) {
            return new StoreUnavailableException("PostgreSQL busy, could not " + what + ": " + describe(e), e);
        }
        if (isConnectionLoss(e)) {
            dropPooledConnections();
            return new StoreUnavailableException("PostgreSQL unreachable, could not " + what + ": " + describe(e), e);
        }
        if (isRefusedStatement(e)) {
            return new IllegalStateException("PostgreSQL refused to " + what + " (SQLState " + e.getSQLState() + "): "
                    + e.getMessage(), e);
        }
        return new StoreUnavailableException("PostgreSQL could not " + what + " (SQLState " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }

    /**
     * PostgreSQL refused the statement for what it holds or says, not for its own state: a value it
     * cannot store (class 22, for example NUL in a text), a broken constraint (23), a statement it
     * does not know (42, 0A). Retrying cannot help, so this is not "unavailable": it is a bug of
     * ours, answered as an internal error (the request edge keeps such values out).
     */
    static boolean isRefusedStatement(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")
                || state.startsWith("0A"));
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

    /**
     * Every pooled connection was in use for the whole connection timeout, and none failed: the
     * database is slow or the load high, but it is there. (When connecting fails, the pool names that
     * failure as the cause.) Not a reason to drop the pool's connections: that would only add
     * reconnecting to the load.
     */
    static boolean isPoolExhausted(Throwable e) {
        return e instanceof SQLTransientConnectionException && e.getCause() == null;
    }

    /**
     * Connection-class errors: the database is down, restarting, refusing connections, or the link
     * broke. The pool's own timeout counts only through its cause, the failure to connect.
     */
    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException
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
    static String describe(Throwable e) {
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
}
