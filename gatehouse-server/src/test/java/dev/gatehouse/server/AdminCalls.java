package dev.gatehouse.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * awsJson1.1 admin calls ({@code POST /} with {@code X-Amz-Target}) signed by the AWS SDK's own SigV4
 * signer, sent over plain HTTP so that the test sees every header and byte of the answer.
 */
public final class AdminCalls implements AutoCloseable {
    private static final List<String> RESTRICTED = List.of("host", "content-length");
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public AdminCalls(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Signed for service {@code gatehouse} in us-east-1 with this key, at the system clock. */
    public HttpResponse<String> call(String target, String json, String keyId, String secret) {
        return call(target, json, keyId, secret, "gatehouse");
    }

    public HttpResponse<String> call(String target, String json, String keyId, String secret, String service) {
        return call(target, json, keyId, secret, service, Clock.systemUTC());
    }

    /**
     * Signed with the test directory's bootstrap admin key for the service the target belongs to
     * ({@code identitystore}, {@code sso} or {@code gatehouse}), at the system clock.
     */
    public HttpResponse<String> asBootstrap(String target, String json) {
        return asBootstrap(target, json, signingName(target), Clock.systemUTC());
    }

    /** Signed with the bootstrap admin key for {@code service}, at the time {@code clock} tells. */
    public HttpResponse<String> asBootstrap(String target, String json, String service, Clock clock) {
        return call(target, json, TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET, service, clock);
    }

    public HttpResponse<String> call(String target, String json, String keyId, String secret, String service,
                                     Clock clock) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(baseUrl.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock.withZone(ZoneOffset.UTC)));
        HttpRequest.Builder out = HttpRequest.newBuilder(baseUrl.resolve("/")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return send(out.build());
    }

    /** The same call without any signature. */
    public HttpResponse<String> unsigned(String target, String json) {
        return send(HttpRequest.newBuilder(baseUrl.resolve("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String signingName(String target) {
        if (target.startsWith("AWSIdentityStore.")) {
            return "identitystore";
        }
        return target.startsWith("SWBExternalService.") ? "sso" : "gatehouse";
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
