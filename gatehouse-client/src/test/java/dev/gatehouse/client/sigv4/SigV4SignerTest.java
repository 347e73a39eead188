package dev.gatehouse.client.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The signer against the AWS SigV4 test suite's vectors (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z,
 * us-east-1, service "service") and against the AWS SDK for Java v2's own signer on the requests the
 * admin client sends.
 */
class SigV4SignerTest {
    private static final Instant VECTOR_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigningCredentials EXAMPLE = SigningCredentials.of("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private static Map<String, String> signVector(String method, String uri) {
        return new SigV4Signer(EXAMPLE, "us-east-1", "service", InstantSource.fixed(VECTOR_TIME))
                .sign(method, URI.create(uri), Map.of(), null);
    }

    private static String signatureOf(String authorization) {
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }

    @Test
    void getVanilla() {
        Map<String, String> headers = signVector("GET", "https://example.amazonaws.com/");
        assertThat(headers.get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void getVanillaQueryOrderKeyCase() {
        assertThat(signatureOf(signVector("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1")
                .get("Authorization"))).isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void postVanilla() {
        assertThat(signatureOf(signVector("POST", "https://example.amazonaws.com/").get("Authorization")))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void canonicalPartsAsTheSdksMakeThem() {
        assertThat(SigV4Signer.canonicalPath("")).isEqualTo("/");
        assertThat(SigV4Signer.canonicalPath("/a%20b/c")).isEqualTo("/a%2520b/c");
        assertThat(SigV4Signer.canonicalQuery("b=2&a=%7E x&a=1")).isEqualTo("a=1&a=~%20x&b=2");
        assertThat(SigV4Signer.host(URI.create("http://127.0.0.1:8080/"))).isEqualTo("127.0.0.1:8080");
        assertThat(SigV4Signer.host(URI.create("https://gatehouse.example/"))).isEqualTo("gatehouse.example");
        assertThat(SigV4Signer.host(URI.create("https://gatehouse.example:443/"))).isEqualTo("gatehouse.example");
    }

    @Test
    void sameAuthorizationAsTheAwsSdkSignerForAnAdminCall() {
        Instant now = Instant.parse("2026-11-30T08:15:42Z");
        URI uri = URI.create("http://127.0.0.1:8080/");
        byte[] body = "{\"Description\":\"deploy  pipeline\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "GatehouseAdmin.CreateAdminKey");
        // the SDK's signer always signs the payload hash header too; ours signs it when the caller sends it
        headers.put("X-Amz-Content-Sha256", SigV4Signer.sha256Hex(body));
        for (SigningCredentials credentials : new SigningCredentials[] {
                SigningCredentials.of("AKIAGATEHOUSETEST001", "test/admin/secret/0123456789abcdefghijklmnopqrstuv"),
                new SigningCredentials("ASIAGATEHOUSETEST001", "secret", "session token")}) {
            Map<String, String> ours = new SigV4Signer(credentials, "eu-west-1", "gatehouse", InstantSource.fixed(now))
                    .sign("POST", uri, headers, body);

            SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri);
            headers.forEach(request::putHeader);
            var sdk = AwsV4HttpSigner.create().sign(r -> r
                    .identity(credentials.sessionToken() == null
                            ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                            : software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(
                                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "gatehouse")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));

            assertThat(ours.get("Authorization")).isEqualTo(sdk.request().firstMatchingHeader("Authorization").orElseThrow());
            assertThat(ours.get("X-Amz-Date")).isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Date").orElseThrow());
            assertThat(ours.get("X-Amz-Security-Token")).isEqualTo(credentials.sessionToken());
        }
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(new SigningCredentials("AKIAGATEHOUSETEST001", "s3cr3t-value", "t0ken-value").toString())
                .contains("AKIAGATEHOUSETEST001").doesNotContain("s3cr3t-value").doesNotContain("t0ken-value");
    }
}
