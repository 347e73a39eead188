package dev.gatehouse.cli;

import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.cli.aws.ClientRegistration;
import dev.gatehouse.cli.aws.EntryLock;
import dev.gatehouse.cli.aws.RegistrationCache;
import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import dev.gatehouse.cli.sso.ClientRegistrations;
import dev.gatehouse.cli.sso.DeviceCodeLogin;
import dev.gatehouse.cli.sso.PkceLogin;
import dev.gatehouse.cli.sso.Prompt;
import dev.gatehouse.cli.sso.ServiceClients;
import dev.gatehouse.cli.sso.SsoTarget;
import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.InvalidClientException;
import dev.gatehouse.client.ssooidc.model.SsoOidcServiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse login}: signs in like {@code aws sso login} and writes the AWS CLI's token cache.
 * An sso-session signs in with the authorization code flow and PKCE (a loopback redirect), unless
 * {@code --use-device-code}; a legacy profile always uses the device code flow. A cached client
 * registration is reused while it is good. The token file is written atomically under the entry's
 * lock, so that an interrupted login leaves the old file whole.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in to an SSO session and cache its token, like aws sso login.")
public final class LoginCommand implements Callable<Integer> {
    static final List<String> DEFAULT_PKCE_SCOPES = List.of("sso:account:access");

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SsoOptions target;

    @Option(names = "--no-browser", description = "Print the sign-in URL instead of opening a browser.")
    boolean noBrowser;

    @Option(names = "--use-device-code", description = "Sign in with the device code flow instead of PKCE.")
    boolean useDeviceCode;

    private final CliEnvironment environment;

    public LoginCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    @SuppressWarnings("try") // the entry lock is held by its try block, not used in it
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AwsFiles files = environment.files();
        AwsConfig config = environment.config();
        String configFile = files.configFile().toString();
        SsoTarget sso = target != null && target.ssoSession != null
                ? SsoTarget.forSession(config, target.ssoSession, environment.env(), configFile)
                : SsoTarget.forProfile(config, target != null && target.profile != null ? target.profile
                        : SsoTarget.defaultProfile(environment.env()), configFile);
        boolean pkce = !sso.legacy() && !useDeviceCode;
        List<String> scopes = sso.scopes().isEmpty() && pkce ? DEFAULT_PKCE_SCOPES : sso.scopes();
        ServiceClients clients = new ServiceClients(environment.env(), config);
        URI oidcEndpoint = clients.oidcEndpoint(sso.region(), sso.endpointProfile());
        ClientRegistrations registrations = new ClientRegistrations(new RegistrationCache(files.ssoCache()), environment.clock());
        Prompt prompt = new Prompt(err, environment.browser(), noBrowser);

        CreateTokenOutput tokens;
        ClientRegistration client;
        try (SsoOidcClient oidc = clients.oidc(sso.region(), sso.endpointProfile())) {
            client = registrations.obtain(oidc, sso, scopes, pkce);
            try {
                tokens = signIn(oidc, oidcEndpoint, prompt, client, sso, scopes, pkce);
            } catch (InvalidClientException staleRegistration) {
                // the service no longer knows the cached registration (its data was reset): register again
                client = registrations.reRegister(oidc, sso, scopes, pkce);
                tokens = signIn(oidc, oidcEndpoint, prompt, client, sso, scopes, pkce);
            }
        } catch (SsoOidcServiceException e) {
            throw new CliException("sign-in failed: " + e.getMessage());
        } catch (GatehouseClientException e) {
            throw new CliException("cannot reach the SSO OIDC service at " + oidcEndpoint + ": " + e.getMessage());
        }

        Instant now = environment.clock().instant();
        SsoToken token = new SsoToken(sso.startUrl(), sso.region(), tokens.accessToken(), now.plusSeconds(tokens.expiresIn()),
                Optional.of(client.clientId()), Optional.of(client.clientSecret()), Optional.of(client.expiresAt()),
                Optional.ofNullable(tokens.refreshToken()));
        SsoTokenCache cache = new SsoTokenCache(files.ssoCache());
        try (EntryLock lock = cache.lock(sso.cacheKey())) {
            cache.write(sso.cacheKey(), token);
        }
        out.println("Successfully logged into Start URL: " + sso.startUrl());
        out.flush();
        return 0;
    }

    private CreateTokenOutput signIn(SsoOidcClient oidc, URI oidcEndpoint, Prompt prompt, ClientRegistration client,
                                     SsoTarget sso, List<String> scopes, boolean pkce)
            throws IOException, InterruptedException {
        return pkce
                ? new PkceLogin(oidc, oidcEndpoint, prompt, environment.browserSignInTimeout()).run(client, scopes)
                : new DeviceCodeLogin(oidc, prompt, environment.sleeper()).run(client, sso.startUrl());
    }
}
