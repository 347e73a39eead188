package dev.gatehouse.server;

import java.net.URI;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.scheme.StsAuthSchemeProvider;

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
        return oidc(baseUrl, o -> { });
    }

    public static SsoOidcClient oidc(URI baseUrl, Consumer<ClientOverrideConfiguration.Builder> override) {
        return SsoOidcClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override)
                .build();
    }

    /** The STS client signing with these credentials by the system clock, as a user's would. */
    public static StsClient sts(URI baseUrl, AwsCredentials credentials,
                                Consumer<ClientOverrideConfiguration.Builder> override) {
        return StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override)
                .build();
    }

    /**
     * The STS client signing by {@code signingClock} (the test's clock, moved by hand), through the
     * SDK's own signer property; retries off, so that every error surfaces at once.
     */
    public static StsClient sts(URI baseUrl, AwsCredentials credentials, InstantSource signingClock) {
        StsAuthSchemeProvider defaults = StsAuthSchemeProvider.defaultProvider();
        return StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(p -> p.numRetries(0)))
                .authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
                        .map(option -> option.toBuilder()
                                .putSignerProperty(HttpSigner.SIGNING_CLOCK, signingClock.withZone(ZoneOffset.UTC))
                                .build())
                        .toList())
                .build();
    }
}
