package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.config.GatehouseConfig;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gatehouse directory export} beside a running service on the embedded store (opened read-only,
 * so the service's lock does not stand in the way): the file holds the file's and the API's entries,
 * is owner-only, and is a directory file that {@code serve --config} accepts. Also the demo banner's
 * admin key example.
 */
class DirectoryExportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        ((DirectoryExportCommand) cli.getSubcommands().get("directory").getSubcommands().get("export").getCommand())
                .environment = Map.of();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** A user made through the admin API, written into the store before the service starts on it. */
    private User addApiUser(Path data) {
        try (RocksDbStore store = RocksDbStore.open(data.resolve("rocksdb"))) {
            Gatehouse gatehouse = Gatehouse.create(ConfigLoader.demo().directory(), store, InstantSource.system());
            Directory d = gatehouse.directory();
            User made = new User(d.ids().newResourceId(), "dora", Optional.empty(), Optional.empty(),
                    Attributes.of(Map.of("DisplayName", "Dora", "Title", "Auditor")), List.of(), Origin.API,
                    Stamps.made(InstantSource.system().instant(), ConfigLoader.DEMO_ADMIN_KEY_ID));
            gatehouse.liveDirectory().put(made);
            return made;
        }
    }

    @Test
    void exportsBesideARunningServiceIntoAnOwnerOnlyFileThatServeAccepts() throws Exception {
        Path data = dir.resolve("data");
        User dora = addApiUser(data);
        Path exported = dir.resolve("exported.yaml");
        Files.writeString(exported, "an older export, readable by everyone\n");
        Files.setPosixFilePermissions(exported, PosixFilePermissions.fromString("rw-r--r--"));

        try (ServerProcess server = ServerProcess.start(data)) {
            String banner = server.awaitLine("  AWS_ACCESS_KEY_ID=");
            assertThat(banner.strip()).isEqualTo("AWS_ACCESS_KEY_ID=" + ConfigLoader.DEMO_ADMIN_KEY_ID
                    + " AWS_SECRET_ACCESS_KEY=" + ConfigLoader.demo().directory().adminKeys().get(0).secretAccessKey()
                    + " aws --endpoint-url " + server.baseUrl() + " --region us-east-1 sso-admin list-instances");

            assertThat(run("directory", "export", "--data", data.toString(), "--output", exported.toString()))
                    .as(err.toString()).isZero();
        }

        assertThat(err.toString()).contains("keep it private").contains(exported + " is readable and writable by its "
                + "owner only");
        assertThat(out.toString()).isEmpty();
        assertThat(Files.getPosixFilePermissions(exported)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(exported)).startsWith("# Gatehouse directory exported ");
        GatehouseConfig config = ConfigLoader.load(exported);
        assertThat(config.directory().adminKeys()).isEqualTo(ConfigLoader.demo().directory().adminKeys());

        Path fresh = dir.resolve("fresh");
        try (RocksDbStore store = RocksDbStore.open(fresh.resolve("rocksdb"))) {
            Directory imported = Gatehouse.create(config.directory(), store, InstantSource.system()).directory();
            assertThat(imported.user("dora")).map(User::id).contains(dora.id());
            assertThat(imported.user("dora").orElseThrow().attributes()).isEqualTo(dora.attributes());
            assertThat(imported.user("alice").orElseThrow().passwordHash()).isPresent();
            assertThat(imported.accountsOf(imported.user("bob").orElseThrow())).hasSize(2);
        }
    }

    @Test
    void withoutOutputTheFileGoesToStandardOutput() throws Exception {
        Path data = dir.resolve("data");
        addApiUser(data);
        assertThat(run("directory", "export", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("# Gatehouse directory exported ").contains("userName: dora");
        assertThat(err.toString()).contains("keep it private");
    }

    @Test
    void aConfigFileGivesTheAccountsAndNoDemoAdminKeyIsPrinted() throws Exception {
        Path config = dir.resolve("gatehouse.yaml");
        Files.writeString(config, """
                users:
                  - {userName: erin, email: erin@example.com}
                accounts:
                  - {id: "444444444444", name: Only, email: only@example.com}
                adminKeys:
                  - {accessKeyId: AKIAGATEHOUSEADMIN01, secretAccessKey: "0123456789012345678901234567890123456789"}
                """);
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.startWithConfig(data, config)) {
            assertThat(server.output()).noneMatch(line -> line.contains("AWS_SECRET_ACCESS_KEY"));
            assertThat(run("directory", "export", "--config", config.toString(), "--data", data.toString()))
                    .as(err.toString()).isZero();
        }
        assertThat(out.toString()).contains("userName: erin").contains("id: '444444444444'")
                .doesNotContain("alice");
    }

    @Test
    void aMissingStoreOrAWrongStoreUrlIsRefused() {
        assertThat(run("directory", "export", "--data", dir.resolve("nothing").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("There is no store in");
        assertThat(run("directory", "export", "--store", "mysql://root:hunter2@db/x")).isEqualTo(2);
        assertThat(err.toString()).contains("jdbc:postgresql://").doesNotContain("hunter2");
        assertThat(run("directory")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    /**
     * On PostgreSQL, beside an instance that holds the store open. Runs where a test database is named
     * ({@code GATEHOUSE_TEST_POSTGRES_URL}), in a schema of its own.
     */
    @Test
    @EnabledIfEnvironmentVariable(named = "GATEHOUSE_TEST_POSTGRES_URL", matches = ".+")
    void exportsFromPostgresWhileAnInstanceRuns() throws Exception {
        String base = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        String schema = "gatehouse_export_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (PostgresStore store = PostgresStore.open(url)) {
            Gatehouse running = Gatehouse.create(ConfigLoader.demo().directory(), store, InstantSource.system());
            Directory d = running.directory();
            running.liveDirectory().put(new User(d.ids().newResourceId(), "dora", Optional.empty(), Optional.empty(),
                    Attributes.of(Map.of("DisplayName", "Dora")), List.of(), Origin.API,
                    Stamps.made(InstantSource.system().instant(), ConfigLoader.DEMO_ADMIN_KEY_ID)));

            assertThat(run("directory", "export", "--store", url)).as(err.toString()).isZero();
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        assertThat(out.toString()).contains("userName: dora").contains("userName: alice");
        assertThat(err.toString()).doesNotContain("password=");
    }
}
