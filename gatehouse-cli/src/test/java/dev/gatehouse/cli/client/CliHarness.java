package dev.gatehouse.cli.client;

import dev.gatehouse.cli.BrowserOpener;
import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.Main;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.client.Sleeper;
import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The client-side commands run in process against a temporary {@code HOME}: writes
 * {@code ~/.aws/config}, runs {@code gatehouse ...} with captured stdout and stderr, and hands out
 * the AWS files of that home.
 */
final class CliHarness {
    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final Path home;
    final Map<String, String> env = new HashMap<>();
    InstantSource clock = InstantSource.system();
    BrowserOpener browser = url -> {
        throw new AssertionError("no browser expected, was asked to open " + url);
    };
    Sleeper sleeper = d -> Thread.sleep(Math.min(d.toMillis(), 50));
    Duration browserTimeout = Duration.ofSeconds(30);

    CliHarness(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
    }

    AwsFiles files() {
        return AwsFiles.from(env, "/nowhere");
    }

    CliEnvironment environment() {
        return new CliEnvironment(env, "/nowhere", clock, browser, sleeper, browserTimeout);
    }

    Result run(String... args) {
        return run(environment(), args);
    }

    static Result run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code gatehouse admin …} against {@code endpoint}, signed with the test directory's admin key. */
    void adminOf(String endpoint) {
        env.put("GATEHOUSE_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", TestDirectory.ADMIN_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestDirectory.ADMIN_SECRET);
    }

    /** Writes ~/.aws/config. */
    void config(String text) {
        try {
            Path file = files().configFile();
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The usual config: profile {@code dev} (AdministratorAccess in Production) and {@code ro}
     * (ReadOnlyAccess in Production) on sso-session {@code gh}, profile {@code other} on sso-session
     * {@code second}, legacy profile {@code old}; every endpoint at {@code endpoint} through a
     * {@code services} section.
     */
    void standardConfig(URI startUrlBase, URI endpoint) {
        config(standardConfigText(startUrlBase, endpoint));
    }

    /**
     * The same with {@code endpoint_url} in each profile instead of the {@code services} section (the
     * AWS SDK for Java v2 of this build reads only that one: it skips {@code [services]} sections).
     */
    void standardConfigWithProfileEndpoints(URI startUrlBase, URI endpoint) {
        config(standardConfigText(startUrlBase, endpoint).replace("services = gh-local", "endpoint_url = " + endpoint));
    }

    private static String standardConfigText(URI startUrlBase, URI endpoint) {
        return """
                [default]
                region = us-east-1
                services = gh-local

                [profile dev]
                sso_session = gh
                sso_account_id = 111111111111
                sso_role_name = AdministratorAccess
                region = us-east-1
                services = gh-local

                [profile ro]
                sso_session = gh
                sso_account_id = 111111111111
                sso_role_name = ReadOnlyAccess
                region = us-east-1
                services = gh-local

                [profile other]
                sso_session = second
                sso_account_id = 222222222222
                sso_role_name = AdministratorAccess
                region = us-east-1
                services = gh-local

                [profile old]
                sso_start_url = %1$s/start
                sso_region = us-east-1
                sso_account_id = 333333333333
                sso_role_name = ReadOnlyAccess
                region = us-east-1
                services = gh-local

                [sso-session gh]
                sso_start_url = %1$s/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [sso-session second]
                sso_start_url = %1$s/start
                sso_region = us-east-1

                [services gh-local]
                sso =
                  endpoint_url = %2$s
                sso_oidc =
                  endpoint_url = %2$s
                """.formatted(startUrlBase, endpoint);
    }
}
