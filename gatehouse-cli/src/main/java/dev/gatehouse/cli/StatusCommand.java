package dev.gatehouse.cli;

import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.cli.aws.CacheKeys;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.cli.sso.TokenRefresher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse status}: every cached SSO session — which sso-session or legacy profile it
 * belongs to, start URL, region, when it expires, and whether it can be refreshed.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the cached SSO sessions and when each expires.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    public StatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** One cached token file: whose it is, and whether it belongs to a legacy profile. */
    private record Owner(String label, boolean legacy) {
    }

    @Override
    public Integer call() throws IOException {
        AwsFiles files = environment.files();
        AwsConfig config = environment.config();
        SsoTokenCache cache = new SsoTokenCache(files.ssoCache());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Owner> owners = owners(config);
        Instant now = environment.clock().instant();
        var tokenFiles = cache.tokenFiles();
        if (tokenFiles.isEmpty()) {
            out.println("No cached SSO sessions (sign in with: gatehouse login).");
            out.flush();
            return 0;
        }
        boolean first = true;
        for (Path file : tokenFiles) {
            SsoToken token = cache.read(file).orElse(null);
            if (token == null) {
                continue;
            }
            Owner owner = owners.getOrDefault(file.getFileName().toString(),
                    new Owner("cached session " + file.getFileName() + " (not in " + files.configFile() + ")", false));
            if (!first) {
                out.println();
            }
            first = false;
            out.println(owner.label());
            out.println("  start URL:   " + nullToDash(token.startUrl()));
            out.println("  region:      " + nullToDash(token.region()));
            out.println("  expires at:  " + SsoTokenCache.formatTime(token.expiresAt()) + " " + remaining(token, now));
            out.println("  can refresh: " + refresh(token, now, owner.legacy()));
        }
        out.flush();
        return 0;
    }

    /** Token file name → the sso-session, or the legacy profiles, it belongs to. */
    private static Map<String, Owner> owners(AwsConfig config) {
        Map<String, Owner> owners = new HashMap<>();
        config.ssoSessions().keySet().forEach(name -> owners.put(CacheKeys.tokenFile(name), new Owner("sso-session " + name, false)));
        Map<String, TreeSet<String>> legacy = new HashMap<>();
        config.profiles().forEach((name, profile) -> {
            if (profile.get("sso_session").isEmpty() && profile.get("sso_start_url").isPresent()) {
                legacy.computeIfAbsent(CacheKeys.tokenFile(profile.get("sso_start_url").get()), k -> new TreeSet<>()).add(name);
            }
        });
        legacy.forEach((file, names) -> owners.putIfAbsent(file, new Owner(
                (names.size() == 1 ? "profile " : "profiles ") + String.join(", ", names) + " (legacy, no sso-session)", true)));
        return owners;
    }

    private static String remaining(SsoToken token, Instant now) {
        if (token.isExpiredAt(now)) {
            return "(expired)";
        }
        Duration left = Duration.between(now, token.expiresAt());
        if (left.toMinutes() < 1) {
            return "(in less than a minute)";
        }
        if (left.toHours() < 1) {
            return "(in " + left.toMinutes() + " min)";
        }
        return "(in " + left.toHours() + " h " + left.toMinutesPart() + " min)";
    }

    private static String refresh(SsoToken token, Instant now, boolean legacy) {
        if (legacy) {
            return "no (legacy profile: sign in again when it expires)";
        }
        if (TokenRefresher.refreshableAt(token, now, false)) {
            return "yes (client registration until " + SsoTokenCache.formatTime(token.registrationExpiresAt().orElseThrow()) + ")";
        }
        return "no" + TokenRefresher.whyNot(token);
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }
}
