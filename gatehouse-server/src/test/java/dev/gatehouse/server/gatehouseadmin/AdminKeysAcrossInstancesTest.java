package dev.gatehouse.server.gatehouseadmin;

import static dev.gatehouse.server.TestDirectory.ADMIN_KEY_ID;
import static dev.gatehouse.server.TestDirectory.ADMIN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.PostgresPair;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * Two instances on one PostgreSQL: a key made through A signs the stock SDK's sso-admin calls on B
 * once B has followed the directory, and once revoked through A it is refused on B within a second
 * or so (B's follower applies the change log every 250 ms).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminKeysAcrossInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresPair instances;

    @BeforeAll
    static void start() {
        instances = PostgresPair.start();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static SsoAdminClient ssoAdminOnB(String keyId, String secret) {
        return SsoAdminClient.builder().region(Region.US_EAST_1).endpointOverride(instances.b().base())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(p -> p.numRetries(0)))
                .build();
    }

    /** Whether B answers ListInstances for the key: true, or false for UnrecognizedClientException. */
    private static boolean accepted(SsoAdminClient onB) {
        try {
            return onB.listInstances(r -> { }).instances().size() == 1;
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            return false;
        }
    }

    /** How long until B's answer for the key is {@code expected}; fails past 5 s. */
    private static Duration until(SsoAdminClient onB, boolean expected) throws InterruptedException {
        long start = System.nanoTime();
        while (accepted(onB) != expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aKeyMadeAndRevokedOnAIsInForceOnBWithinASecondOrSo() throws Exception {
        try (AdminCalls onA = new AdminCalls(instances.a().base())) {
            HttpResponse<String> created = onA.call("GatehouseAdmin.CreateAdminKey", "{}", ADMIN_KEY_ID, ADMIN_SECRET);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            JsonNode key = JSON.readTree(created.body());
            String id = key.path("AccessKeyId").asText();
            try (SsoAdminClient onB = ssoAdminOnB(id, key.path("SecretAccessKey").asText())) {
                assertThat(until(onB, true)).isLessThan(Duration.ofSeconds(2));

                HttpResponse<String> revoked = onA.call("GatehouseAdmin.RevokeAdminKey",
                        "{\"AccessKeyId\":\"" + id + "\"}", ADMIN_KEY_ID, ADMIN_SECRET);
                assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                assertThat(until(onB, false)).isLessThan(Duration.ofSeconds(2));
                Thread.sleep(600);
                assertThat(accepted(onB)).isFalse();
            }
        }
    }
}
