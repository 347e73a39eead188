package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.Endpoints;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code sso} and {@code sso-oidc} clients of the client library for a region, sending
 * to the endpoint {@link Endpoints} resolves (environment, then config, then the AWS host).
 */
public final class ServiceClients {
    private final Map<String, String> env;
    private final AwsConfig config;

    public ServiceClients(Map<String, String> env, AwsConfig config) {
        this.env = env;
        this.config = config;
    }

    public URI oidcEndpoint(String region, Optional<String> profile) {
        return Endpoints.resolve(Endpoints.Service.SSO_OIDC, region, env, config, profile);
    }

    public URI portalEndpoint(String region, Optional<String> profile) {
        return Endpoints.resolve(Endpoints.Service.SSO, region, env, config, profile);
    }

    public SsoOidcClient oidc(String region, Optional<String> profile) {
        return SsoOidcClient.builder().region(region).endpointOverride(oidcEndpoint(region, profile)).build();
    }

    public SsoClient portal(String region, Optional<String> profile) {
        return SsoClient.builder().region(region).endpointOverride(portalEndpoint(region, profile)).build();
    }
}
