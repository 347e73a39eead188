package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.cli.aws.RoleCredentialsCache;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.cli.sso.LoginRequiredException;
import dev.gatehouse.cli.sso.RoleCredentialsFetcher;
import dev.gatehouse.cli.sso.ServiceClients;
import dev.gatehouse.cli.sso.SsoTarget;
import dev.gatehouse.cli.sso.TokenRefresher;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse credentials --profile P}: the profile's role credentials in the
 * {@code credential_process} format (Version 1), alone on stdout. Uses the AWS CLI's caches: role
 * credentials while they have more than 15 minutes left; else GetRoleCredentials with the cached
 * SSO token, refreshed first when it is near expiry. Any number of these at once make one refresh
 * and one GetRoleCredentials (entry locks; see {@link TokenRefresher}, {@link RoleCredentialsFetcher}).
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Print a profile's role credentials as credential_process JSON.")
public final class CredentialsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "P", description = "A profile of ~/.aws/config with sso_account_id and sso_role_name (default: AWS_PROFILE, else default).")
    String profile;

    private final CliEnvironment environment;

    public CredentialsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        AwsFiles files = environment.files();
        AwsConfig config = environment.config();
        String profileName = profile != null ? profile : SsoTarget.defaultProfile(environment.env());
        SsoTarget sso = SsoTarget.forProfile(config, profileName, files.configFile().toString());
        if (sso.accountId().isEmpty() || sso.roleName().isEmpty()) {
            throw new CliException("the profile " + profileName + " needs sso_account_id and sso_role_name in " + files.configFile());
        }
        PrintWriter err = spec.commandLine().getErr();
        ServiceClients clients = new ServiceClients(environment.env(), config);
        Lazy<SsoOidcClient> oidc = new Lazy<>(() -> clients.oidc(sso.region(), sso.endpointProfile()));
        Lazy<SsoClient> portal = new Lazy<>(() -> clients.portal(sso.region(), sso.endpointProfile()));
        RoleCredentialsCache.Entry credentials;
        try (oidc; portal) {
            TokenRefresher tokens = new TokenRefresher(new SsoTokenCache(files.ssoCache()), environment.clock(), oidc, err);
            credentials = new RoleCredentialsFetcher(new RoleCredentialsCache(files.cliCache()), tokens, portal,
                    environment.clock()).credentials(sso, sso.accountId().get(), sso.roleName().get());
        } catch (LoginRequiredException e) {
            throw new CliException(e.getMessage() + ": run gatehouse login --profile " + profileName);
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("Version", 1);
        json.put("AccessKeyId", credentials.accessKeyId());
        json.put("SecretAccessKey", credentials.secretAccessKey());
        json.put("SessionToken", credentials.sessionToken());
        json.put("Expiration", SsoTokenCache.formatTime(credentials.expiration()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(json));
        out.flush();
        return 0;
    }

    /** A client built on first use only (most calls are answered from the cache), closed if built. */
    private static final class Lazy<T extends AutoCloseable> implements java.util.function.Supplier<T>, AutoCloseable {
        private final java.util.function.Supplier<T> factory;
        private T value;

        Lazy(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        @Override
        public synchronized void close() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception ignored) {
                    // closing a client does not fail in a way the caller could act on
                }
            }
        }
    }
}
