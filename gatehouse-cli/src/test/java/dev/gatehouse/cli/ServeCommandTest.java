package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The serve command's answers before it serves: bad config → 1 naming file and line; bad usage → 2. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine cli = Main.commandLine();
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).environment = environment;
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void configErrorNamesFileAndLineAndExitsWithOne() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                region: us-east-1
                accounts:
                  - id: "12345"
                    name: Short
                    email: short@example.com
                """);
        assertThat(run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString())).isEqualTo(1);
        assertThat(err.toString()).contains(config + ":3:");
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertThat(run("serve", "--nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--nope");
    }

    @Test
    void secondServerOnTheSameDataIsRefusedClearly() throws Exception {
        try (ServerProcess first = ServerProcess.start(dir)) {
            assertThat(run("serve", "--data", dir.toString(), "--port", "0")).isEqualTo(1);
            assertThat(err.toString()).contains("another Gatehouse");
        }
    }

    @Test
    void anAuditLogThatCannotBeOpenedIsRefusedClearly() {
        Path nowhere = dir.resolve("no-such-dir").resolve("audit.jsonl");
        assertThat(run("serve", "--data", dir.resolve("data").toString(), "--port", "0", "--audit-log",
                nowhere.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot open the audit log " + nowhere);
    }

    @Test
    void thePublicUrlMustBeAServiceBaseUrl() {
        for (String bad : new String[] {"sso.example.com", "ftp://sso.example.com", "https://sso.example.com/start",
                "https://sso.example.com?x=1"}) {
            assertThat(run("serve", "--data", dir.resolve("data").toString(), "--port", "0", "--public-url", bad))
                    .as(bad).isEqualTo(2);
            assertThat(err.toString()).contains("--public-url must be an http:// or https:// URL").contains(bad);
        }
    }

    @Test
    void storeMustBeAPostgresUrl() {
        assertThat(run("serve", "--store", "mysql://root:hunter2@db/x", "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("jdbc:postgresql://").doesNotContain("hunter2");
    }

    @Test
    void unreachablePostgresIsRefusedClearlyWithoutShowingThePassword() {
        assertThat(run("serve", "--store", "jdbc:postgresql://127.0.0.1:1/gatehouse?user=gh&password=hunter2",
                "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("PostgreSQL").contains("127.0.0.1:1").doesNotContain("hunter2");
    }

    @Test
    void theStoreComesFromTheOptionThenTheEnvironmentThenTheConfig() throws Exception {
        Path config = dir.resolve("with-store.yaml");
        Files.writeString(config, """
                store: jdbc:postgresql://127.0.0.1:1/from-config?user=gh&password=hunter2
                users:
                  - userName: alice
                    password: "correct horse battery staple"
                    email: alice@example.com
                """);
        assertThat(run("serve", "--config", config.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("/from-config").doesNotContain("hunter2");

        var environment = Map.of("GATEHOUSE_STORE", "jdbc:postgresql://127.0.0.1:1/from-environment?user=gh");
        assertThat(run(environment, "serve", "--config", config.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("/from-environment");

        assertThat(run(environment, "serve", "--config", config.toString(), "--port", "0",
                "--store", "jdbc:postgresql://127.0.0.1:1/from-option?user=gh")).isEqualTo(1);
        assertThat(err.toString()).contains("/from-option");
    }

    @Test
    void aStoreInTheConfigMustBeAPostgresUrlAndIsNotEchoed() throws Exception {
        Path config = dir.resolve("bad-store.yaml");
        Files.writeString(config, "store: mysql://root:hunter2@db/x\n");
        assertThat(run("serve", "--config", config.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains(config + ":1: 'store' must be a PostgreSQL JDBC URL")
                .doesNotContain("hunter2");
    }

    @Test
    void storeUrlsAreShownWithoutSecrets() {
        assertThat(StoreUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&ssl=true");
        assertThat(StoreUrls.redact("postgres://u:p4ss@h/db")).isEqualTo("postgres://u:****@h/db");
    }

    @Test
    void withoutAnAdminKeyPepperServeWarnsInOneLine() {
        assertThat(run("serve", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=gh", "--port", "0")).isEqualTo(1);
        assertThat(err.toString().lines().filter(l -> l.contains("admin key pepper")).toList()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("gatehouse: warning:").contains("GATEHOUSE_ADMIN_KEY_PEPPER")
                        .contains("a copy of the store"));
    }

    @Test
    void aPepperFromTheEnvironmentOrAFileSilencesTheWarning() throws Exception {
        var environment = Map.of("GATEHOUSE_ADMIN_KEY_PEPPER", "an-operator-pepper-of-48-characters-0123456789ab");
        assertThat(run(environment, "serve", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=gh", "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("warning").contains("PostgreSQL");

        Path pepper = dir.resolve("pepper");
        Files.writeString(pepper, "a-pepper-in-a-file-of-at-least-32-characters\n");
        assertThat(run("serve", "--admin-key-pepper-file", pepper.toString(), "--store",
                "jdbc:postgresql://127.0.0.1:1/x?user=gh", "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("warning");
    }

    @Test
    void aShortOrUnreadablePepperIsRefusedWithoutShowingIt() {
        assertThat(run(Map.of("GATEHOUSE_ADMIN_KEY_PEPPER", "too-short-pepper"), "serve", "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("GATEHOUSE_ADMIN_KEY_PEPPER").contains("at least 32")
                .doesNotContain("too-short-pepper");
        assertThat(run("serve", "--admin-key-pepper-file", dir.resolve("absent").toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read the admin key pepper file");
    }
}
