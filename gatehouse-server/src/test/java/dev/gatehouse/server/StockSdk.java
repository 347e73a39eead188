package dev.gatehouse.server;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** The stock AWS SDK for Java v2 clients, pointed at a Gatehouse as a user would point them. */
public final class StockSdk {
    private StockSdk() {
    }

    public static SsoClient sso(URI baseUrl) {
        return sso(baseUrl, o -> { });
    }

    public static SsoClient sso(URI baseUrl, Consumer<ClientOverrideConfiguration.Builder> override) {
        return SsoClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override)
                .build();
    }

    public static SsoOidcClient oidc(URI baseUrl) {
        return SsoOidcClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
