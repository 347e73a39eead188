package dev.gatehouse.server.identitystore;

import dev.gatehouse.server.TestDirectory;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * The stock identitystore client of the AWS SDK for Java v2, pointed at a Gatehouse as an admin
 * would point it ({@code endpointOverride}, us-east-1), retries off so that every error surfaces at once.
 */
final class IdentityStoreClients {
    private IdentityStoreClients() {
    }

    /** Signing with the test directory's bootstrap admin key. */
    static IdentitystoreClient admin(URI baseUrl) {
        return signedWith(baseUrl, TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET);
    }

    static IdentitystoreClient signedWith(URI baseUrl, String accessKeyId, String secret) {
        return client(baseUrl, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)), null);
    }

    /** Signing with the admin key, with {@code raw} seeing (and able to add to) the JSON on the wire. */
    static IdentitystoreClient admin(URI baseUrl, RawJson raw) {
        return client(baseUrl, StaticCredentialsProvider.create(AwsBasicCredentials.create(TestDirectory.ADMIN_KEY_ID,
                TestDirectory.ADMIN_SECRET)), raw);
    }

    /** Sending no signature at all. */
    static IdentitystoreClient unsigned(URI baseUrl) {
        return client(baseUrl, AnonymousCredentialsProvider.create(), null);
    }

    private static IdentitystoreClient client(URI baseUrl, AwsCredentialsProvider credentials, RawJson raw) {
        return IdentitystoreClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(baseUrl)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    o.retryPolicy(p -> p.numRetries(0));
                    if (raw != null) {
                        o.addExecutionInterceptor(raw);
                    }
                })
                .build();
    }
}
