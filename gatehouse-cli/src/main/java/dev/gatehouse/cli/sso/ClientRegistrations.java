package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.aws.ClientRegistration;
import dev.gatehouse.cli.aws.RegistrationCache;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.InvalidClientException;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.SsoOidcServiceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The OIDC client registration a login uses: the cached one while it is reusable (more than 15
 * minutes left, and of the flow's kind), else a new RegisterClient, cached for next time — the
 * AWS CLI's rule, in the same cache file, so that the two tools share registrations.
 */
public final class ClientRegistrations {
    public static final List<String> PKCE_GRANT_TYPES = List.of("authorization_code", "refresh_token");

    private final RegistrationCache cache;
    private final InstantSource clock;

    public ClientRegistrations(RegistrationCache cache, InstantSource clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * @param scopes what the registration asks for (and what its cache key says)
     * @param pkce   a registration for the authorization code flow, else for the device flow
     */
    public ClientRegistration obtain(SsoOidcClient oidc, SsoTarget target, List<String> scopes, boolean pkce)
            throws IOException {
        Path file = cache.fileFor(target.startUrl(), target.region(), scopes, target.sessionName());
        Optional<ClientRegistration> cached = cache.read(file).filter(r -> r.reusableAt(clock.instant(), pkce));
        if (cached.isPresent() && (!pkce || knownTo(oidc, cached.get()))) {
            return cached.get();
        }
        String clientName = "gatehouse-cli-" + (target.legacy() ? Long.toString(clock.instant().getEpochSecond()) : target.sessionName());
        RegisterClientInput input = pkce
                ? RegisterClientInput.builder().clientName(clientName).scopes(scopes).grantTypes(PKCE_GRANT_TYPES)
                        .redirectUris(LoopbackListener.REGISTERED_REDIRECT_URI).issuerUrl(target.startUrl()).build()
                : RegisterClientInput.forDeviceFlow(clientName, scopes);
        RegisterClientOutput registered = oidc.send(new RegisterClientCommand(input));
        ClientRegistration registration = new ClientRegistration(registered.clientId(), registered.clientSecret(),
                registered.clientSecretExpiresAt(), scopes, pkce ? PKCE_GRANT_TYPES : List.of());
        cache.write(file, registration);
        return registration;
    }

    /**
     * Whether the service still knows a cached registration (it may have been reset since): a
     * CreateToken with a code that cannot be valid fails with InvalidClient only for an unknown
     * client. The browser would otherwise stop at an error page while this command waits. The
     * device flow needs no such check: StartDeviceAuthorization says so itself.
     */
    private static boolean knownTo(SsoOidcClient oidc, ClientRegistration registration) {
        try {
            oidc.send(new CreateTokenCommand(CreateTokenInput.authorizationCode(registration.clientId(),
                    registration.clientSecret(), "registration-check", LoopbackListener.REGISTERED_REDIRECT_URI,
                    "registration-check-registration-check-registration-check")));
            return true;
        } catch (InvalidClientException e) {
            return false;
        } catch (SsoOidcServiceException e) {
            return true;
        }
    }

    /** Forgets a cached registration the service no longer knows. */
    public ClientRegistration reRegister(SsoOidcClient oidc, SsoTarget target, List<String> scopes, boolean pkce)
            throws IOException {
        Path file = cache.fileFor(target.startUrl(), target.region(), scopes, target.sessionName());
        java.nio.file.Files.deleteIfExists(file);
        return obtain(oidc, target, scopes, pkce);
    }
}
