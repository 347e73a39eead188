package dev.gatehouse.server.ssoadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

/**
 * A real Gatehouse ({@link TestService}) and the stock sso-admin client of the AWS SDK for Java v2,
 * signing with the test directory's bootstrap admin key; retries off, so that every error surfaces.
 */
final class SsoAdminFixture implements AutoCloseable {
    final TestService service;
    final SsoAdminClient admin;
    final String instanceArn;

    SsoAdminFixture(Path dataDir) {
        service = new TestService(dataDir);
        admin = SsoAdminClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(service.baseUrl())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(p -> p.numRetries(0)))
                .build();
        instanceArn = admin.listInstances(r -> { }).instances().getFirst().instanceArn();
    }

    PermissionSet createPermissionSet(String name, String sessionDuration) {
        return admin.createPermissionSet(r -> r.instanceArn(instanceArn).name(name).sessionDuration(sessionDuration))
                .permissionSet();
    }

    String userId(String userName) {
        return service.gatehouse.directory().user(userName).orElseThrow().id();
    }

    String groupId(String displayName) {
        return service.gatehouse.directory().groupByName(displayName).orElseThrow().id();
    }

    /** Asserts that the call fails with this SDK exception class and a message containing {@code words}. */
    static void assertFails(Class<? extends SsoAdminException> type, String words, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(words);
        });
    }

    @Override
    public void close() {
        admin.close();
        service.close();
    }
}
