package dev.gatehouse.cli;

import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.cli.aws.CacheKeys;
import dev.gatehouse.cli.aws.EntryLock;
import dev.gatehouse.cli.aws.PrivateFiles;
import dev.gatehouse.cli.aws.RoleCredentialsCache;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.cli.sso.ServiceClients;
import dev.gatehouse.cli.sso.SsoTarget;
import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.sso.model.SsoServiceException;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse logout}: like {@code aws sso logout}, for every cached SSO token — call Logout
 * (ending the sign-in session on the server), delete the token file — then delete every cached SSO
 * role credential (assume-role entries and client registrations stay). With {@code --profile} or
 * {@code --sso-session}, only that session's token and the role credentials of the profiles that
 * use it. Each session is reported; when the server cannot be reached the local files are removed
 * all the same and the report says so. Exit 0.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "End cached SSO sessions on the server and remove their tokens and role credentials.")
public final class LogoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SsoOptions target;

    private final CliEnvironment environment;

    public LogoutCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        AwsFiles files = environment.files();
        AwsConfig config = environment.config();
        SsoTokenCache tokens = new SsoTokenCache(files.ssoCache());
        RoleCredentialsCache roles = new RoleCredentialsCache(files.cliCache());
        ServiceClients clients = new ServiceClients(environment.env(), config);
        PrintWriter out = spec.commandLine().getOut();

        List<Path> tokenFiles;
        List<Path> roleFiles;
        if (target == null) {
            tokenFiles = tokens.tokenFiles();
            roleFiles = roles.ssoEntries();
        } else {
            SsoTarget sso = resolve(config, files);
            Path file = tokens.fileFor(sso.cacheKey());
            tokenFiles = tokens.read(file).isPresent() ? List.of(file) : List.of();
            roleFiles = new ArrayList<>();
            for (String name : sso.roleCredentialFiles(config)) {
                Path entry = files.cliCache().resolve(name);
                if (roles.read(entry).isPresent()) {
                    roleFiles.add(entry);
                }
            }
            if (tokenFiles.isEmpty()) {
                out.println("No cached SSO token for " + sso.describe() + ".");
            }
        }
        if (target == null && tokenFiles.isEmpty() && roleFiles.isEmpty()) {
            out.println("No cached SSO sessions.");
        }
        for (Path file : tokenFiles) {
            logOut(file, tokens, clients, config, out);
        }
        for (Path entry : roleFiles) {
            Files.deleteIfExists(entry);
        }
        if (!roleFiles.isEmpty()) {
            out.println("Removed " + roleFiles.size() + " cached role credential" + (roleFiles.size() == 1 ? "" : "s") + ".");
        }
        out.flush();
        return 0;
    }

    /**
     * {@code --profile P}: the target of that profile. {@code --sso-session S}: that session, also
     * when it is no longer in the config (its token file is named after it all the same).
     */
    private SsoTarget resolve(AwsConfig config, AwsFiles files) {
        String configFile = files.configFile().toString();
        if (target.profile != null) {
            return SsoTarget.forProfile(config, target.profile, configFile);
        }
        if (config.ssoSession(target.ssoSession).isPresent()) {
            return SsoTarget.forSession(config, target.ssoSession, environment.env(), configFile);
        }
        return new SsoTarget(target.ssoSession, "(unknown)", "(unknown)", List.of(),
                Optional.of(SsoTarget.endpointProfileFor(config, target.ssoSession, environment.env())),
                Optional.empty(), Optional.empty());
    }

    /** Logout for one token file, then the file goes, whatever the server said. */
    @SuppressWarnings("try") // the entry lock is held by its try block, not used in it
    private void logOut(Path file, SsoTokenCache tokens, ServiceClients clients, AwsConfig config, PrintWriter out)
            throws IOException {
        try (EntryLock lock = PrivateFiles.lock(file)) {
            Optional<SsoToken> read = tokens.read(file); // again: a refresh may have replaced it meanwhile
            if (read.isEmpty()) {
                return;
            }
            SsoToken token = read.get();
            String outcome;
            if (token.region() == null || token.region().isBlank()) {
                outcome = "no region in the cache file, server not called; local tokens removed";
            } else {
                outcome = callLogout(clients, token, endpointProfile(file, config));
            }
            Files.deleteIfExists(file);
            out.println("Logged out of " + (token.startUrl() == null ? file.getFileName() : token.startUrl()) + " (" + outcome + ")");
            out.flush();
        }
    }

    private static String callLogout(ServiceClients clients, SsoToken token, Optional<String> profile) {
        try (SsoClient sso = clients.portal(token.region(), profile)) {
            sso.send(new dev.gatehouse.client.sso.LogoutCommand(LogoutInput.of(token.accessToken())));
            return "server session ended";
        } catch (UnauthorizedException e) {
            return "already ended on the server";
        } catch (SsoServiceException e) {
            return "the server refused: " + e.getMessage() + "; local tokens removed";
        } catch (GatehouseClientException e) {
            return "server not reached: " + e.getMessage() + "; local tokens removed";
        } catch (IllegalArgumentException badSetting) {
            return "server not reached: " + badSetting.getMessage() + "; local tokens removed";
        }
    }

    /**
     * The profile whose endpoint settings apply to a token file: one whose sso-session (or legacy
     * start URL) names this file, else {@code AWS_PROFILE}, else {@code default}.
     */
    private Optional<String> endpointProfile(Path file, AwsConfig config) {
        String name = file.getFileName().toString();
        for (Map.Entry<String, AwsConfig.Section> profile : new java.util.TreeMap<>(config.profiles()).entrySet()) {
            Optional<String> key = profile.getValue().get("sso_session").or(() -> profile.getValue().get("sso_start_url"));
            if (key.isPresent() && CacheKeys.tokenFile(key.get()).equals(name)) {
                return Optional.of(profile.getKey());
            }
        }
        return Optional.of(SsoTarget.defaultProfile(environment.env()));
    }
}
