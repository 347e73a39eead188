package dev.gatehouse.config;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Maps the root YAML node of a configuration to a {@link GatehouseConfig}: the top-level settings and
 * {@code limits} here, the directory sections in {@link DirectoryReader}, the identity source in
 * {@link IdentitySourceReader}. All problems of the document
 * are collected and raised together.
 */
final class ConfigReader {
    static final String DEFAULT_REGION = "us-east-1";
    static final Duration DEFAULT_SIGN_IN_SESSION = Duration.ofHours(8);
    /** The range IAM Identity Center allows for the portal (sign-in) session. */
    static final Duration MIN_SIGN_IN_SESSION = Duration.ofMinutes(15);
    static final Duration MAX_SIGN_IN_SESSION = Duration.ofDays(90);
    /** How long a browser's session may go unused: at least five minutes, at most the longest sign-in session. */
    static final Duration MIN_BROWSER_IDLE = Duration.ofMinutes(5);
    /** The most sign-in sessions a user may be allowed at once ({@code maxSessionsPerUser}). */
    static final int MAX_SESSIONS_PER_USER = 10_000;
    /** How long audit records may be kept: at least an hour, at most ten years. */
    static final Duration MIN_AUDIT_RETENTION = Duration.ofHours(1);
    static final Duration MAX_AUDIT_RETENTION = Duration.ofDays(3650);
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private ConfigReader() {
    }

    /** {@code base} is the folder of the directory file, against which files it names are read. */
    static GatehouseConfig read(Node root, Problems problems, String source, Path base) {
        if (!(root instanceof MappingNode)) {
            throw problems.fatal(YamlDocument.line(root),
                    "the configuration must be a YAML mapping (region:, users:, accounts:, ...)");
        }
        YamlMap top = new YamlValue(root, "the configuration", problems)
                .map("region", "startUrl", "signInSessionDuration", "browserIdleTimeout", "maxSessionsPerUser",
                        "auditRetention", "users", "accounts", "permissionSets", "assignments", "limits", "store", "groups",
                        "adminKeys", "identitySource")
                .orElseThrow();

        String region = top.get("region")
                .flatMap(v -> v.string(r -> REGION.matcher(r).matches(),
                        "'region' must be an AWS region such as us-east-1 or eu-central-1, was '%s'"))
                .orElse(DEFAULT_REGION);
        Optional<String> startUrl = top.get("startUrl").flatMap(v -> v.string(ConfigReader::isWebUrl,
                "'startUrl' must be an absolute http:// or https:// URL, was '%s'"));
        Duration signInSession = top.get("signInSessionDuration")
                .flatMap(v -> v.duration(MIN_SIGN_IN_SESSION, MAX_SIGN_IN_SESSION))
                .orElse(DEFAULT_SIGN_IN_SESSION);
        Duration browserIdle = top.get("browserIdleTimeout")
                .flatMap(v -> v.duration(MIN_BROWSER_IDLE, MAX_SIGN_IN_SESSION))
                .orElse(Directory.DEFAULT_BROWSER_IDLE_TIMEOUT);
        DirectoryFile.Controls controls = controls(top);

        DirectoryReader directory = new DirectoryReader(problems);
        directory.users(top.get("users"));
        directory.groups(top.get("groups"));
        directory.accounts(top.get("accounts"));
        directory.permissionSets(top.get("permissionSets"));
        directory.assignments(top.get("assignments"));

        List<DirectoryFile.BootstrapAdminKey> adminKeys = AdminKeysReader.read(top.get("adminKeys"));
        IdentitySourceReader.Read identity = IdentitySourceReader.read(top.get("identitySource"), base);

        Limits limits = top.get("limits").map(LimitsReader::read).orElse(Limits.DEFAULTS);
        // never echoed in the error: the URL may carry a password
        Optional<String> store = top.get("store").flatMap(v -> v.string(url -> url.startsWith("jdbc:postgresql://"),
                "'store' must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=...)"));

        problems.throwIfAny();
        DirectoryFile built = directory.build(region, signInSession, browserIdle, adminKeys, controls)
                .withIdentitySource(identity.source());
        return new GatehouseConfig(built, startUrl, limits, store, source, identity.idpMetadata());
    }

    /** {@code maxSessionsPerUser} and {@code auditRetention}, each its default when absent. */
    private static DirectoryFile.Controls controls(YamlMap top) {
        DirectoryFile.Controls defaults = DirectoryFile.Controls.DEFAULT;
        int maxSessions = top.get("maxSessionsPerUser")
                .flatMap(v -> v.integer(1, MAX_SESSIONS_PER_USER))
                .map(Long::intValue)
                .orElse(defaults.maxSessionsPerUser());
        Duration auditRetention = top.get("auditRetention")
                .flatMap(v -> v.duration(MIN_AUDIT_RETENTION, MAX_AUDIT_RETENTION))
                .orElse(defaults.auditRetention());
        return new DirectoryFile.Controls(maxSessions, auditRetention);
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
