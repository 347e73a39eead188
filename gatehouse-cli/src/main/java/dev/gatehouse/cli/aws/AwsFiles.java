package dev.gatehouse.cli.aws;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the AWS CLI v2 keeps its files, found as the AWS tools find them: the home directory is
 * {@code HOME} when set (Java's {@code user.home} ignores it), the config file is
 * {@code AWS_CONFIG_FILE} or {@code ~/.aws/config}.
 */
public record AwsFiles(Path home, Path configFile) {

    public static AwsFiles fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"));
    }

    /** The files for this environment; {@code userHome} is used when {@code HOME} is unset. */
    public static AwsFiles from(Map<String, String> env, String userHome) {
        String homeVar = env.get("HOME");
        Path home = Path.of(homeVar != null && !homeVar.isBlank() ? homeVar : userHome);
        String configVar = env.get("AWS_CONFIG_FILE");
        Path config = configVar != null && !configVar.isBlank()
                ? Path.of(configVar.startsWith("~/") ? home + configVar.substring(1) : configVar)
                : home.resolve(".aws").resolve("config");
        return new AwsFiles(home, config);
    }

    /** {@code ~/.aws/sso/cache}: SSO tokens and client registrations. */
    public Path ssoCache() {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** {@code ~/.aws/cli/cache}: role credentials (shared with assume-role caching). */
    public Path cliCache() {
        return home.resolve(".aws").resolve("cli").resolve("cache");
    }
}
