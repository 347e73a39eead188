package dev.gatehouse.server.invitation;

import dev.gatehouse.server.TestDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Gatehouse's own admin operations ({@code X-Amz-Target: GatehouseAdmin.*}), which no AWS SDK has a
 * client for, called over plain HTTP and signed by the AWS SDK's own SigV4 signer, as a client built on
 * it would sign them: the test directory's bootstrap admin key, service {@code gatehouse}, us-east-1.
 */
final class SignedAdminCalls {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SignedAdminCalls(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> call(String operation, String json) {
        return call(operation, json, "gatehouse", Clock.systemUTC());
    }

    /** The call signed for {@code service} at the time {@code clock} tells. */
    HttpResponse<String> call(String operation, String json, String service, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(baseUrl.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "GatehouseAdmin." + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(json))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder out = HttpRequest.newBuilder(baseUrl.resolve("/"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        signed.request().forEachHeader((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> out.header(name, v));
            }
        });
        try {
            return http.send(out.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
