package dev.gatehouse.server.gatehouseadmin;

import static dev.gatehouse.server.TestDirectory.ADMIN_KEY_ID;
import static dev.gatehouse.server.TestDirectory.ADMIN_SECRET;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.JSON;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.assertError;
import static dev.gatehouse.server.gatehouseadmin.AdminAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.StderrCapture;
import dev.gatehouse.server.TestService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * GatehouseAdmin.CreateAdminKey, ListAdminKeys and RevokeAdminKey over the wire, signed by the AWS
 * SDK's own SigV4 signer: the secret is in CreateAdminKey's answer only (no-store), a key made
 * through the API signs sso-admin calls of the stock SDK until it is revoked, bad input gets
 * ValidationException, and every change (and every refused signature) is audited without secrets.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminKeysApiTest {
    private static final String CREATE = "GatehouseAdmin.CreateAdminKey";
    private static final String LIST = "GatehouseAdmin.ListAdminKeys";
    private static final String REVOKE = "GatehouseAdmin.RevokeAdminKey";

    @TempDir
    Path dataDir;
    TestService service;
    AdminCalls calls;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        calls = new AdminCalls(service.baseUrl());
    }

    @AfterEach
    void stop() {
        calls.close();
        service.close();
    }

    private HttpResponse<String> asBootstrap(String target, String json) {
        return calls.call(target, json, ADMIN_KEY_ID, ADMIN_SECRET);
    }

    private SsoAdminClient ssoAdmin(String keyId, String secret) {
        return SsoAdminClient.builder().region(Region.US_EAST_1).endpointOverride(service.baseUrl())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(p -> p.numRetries(0)))
                .build();
    }

    @Test
    void createShowsTheSecretOnceWithNoStoreAndListAndRevokeNeverShowIt() throws Exception {
        HttpResponse<String> created = asBootstrap(CREATE, "{\"Description\":\"deploy pipeline\"}");
        JsonNode key = ok(created);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(created.headers().firstValue("Pragma")).contains("no-cache");
        String id = key.path("AccessKeyId").asText();
        String secret = key.path("SecretAccessKey").asText();
        assertThat(id).matches("AKIA[A-Z0-9]{16}");
        assertThat(secret).hasSize(40);
        assertThat(key.path("Description").asText()).isEqualTo("deploy pipeline");
        assertThat(key.path("Status").asText()).isEqualTo("Active");
        assertThat(key.path("CreatedBy").asText()).isEqualTo(ADMIN_KEY_ID);
        assertThat(key.path("CreatedAt").decimalValue().longValue()).isEqualTo(service.clock.instant().getEpochSecond());
        assertThat(key.has("RevokedAt")).isFalse();

        HttpResponse<String> listed = asBootstrap(LIST, "{}");
        JsonNode list = ok(listed);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("SecretAccessKey");
        assertThat(list.path("AdminKeys")).hasSize(1);
        assertThat(list.path("AdminKeys").get(0).path("AccessKeyId").asText()).isEqualTo(id);
        assertThat(list.has("NextToken")).isFalse();

        HttpResponse<String> revokedAnswer = asBootstrap(REVOKE, "{\"AccessKeyId\":\"" + id + "\"}");
        JsonNode revoked = ok(revokedAnswer);
        assertThat(revokedAnswer.body()).doesNotContain(secret);
        assertThat(revoked.path("Status").asText()).isEqualTo("Revoked");
        assertThat(revoked.path("RevokedAt").isNumber()).isTrue();
        assertThat(ok(asBootstrap(LIST, "{}")).path("AdminKeys").get(0).path("Status").asText()).isEqualTo("Revoked");
    }

    @Test
    void aKeyMadeThroughTheApiSignsSsoAdminCallsUntilItIsRevoked() throws Exception {
        JsonNode key = ok(asBootstrap(CREATE, "{}"));
        String id = key.path("AccessKeyId").asText();
        String secret = key.path("SecretAccessKey").asText();
        try (SsoAdminClient sdk = ssoAdmin(id, secret)) {
            assertThat(sdk.listInstances(r -> { }).instances()).singleElement()
                    .satisfies(i -> assertThat(i.identityStoreId()).isEqualTo(service.gatehouse.directory().ids().identityStoreId()));
            // the new key manages keys too: it makes one of its own, stamped with its id
            assertThat(ok(calls.call(CREATE, "{}", id, secret)).path("CreatedBy").asText()).isEqualTo(id);

            ok(asBootstrap(REVOKE, "{\"AccessKeyId\":\"" + id + "\"}"));

            assertThatThrownBy(() -> sdk.listInstances(r -> { })).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertError(calls.call(LIST, "{}", id, secret), "UnrecognizedClientException", "security token");
        }
        try (SsoAdminClient wrongSecret = ssoAdmin(ok(asBootstrap(CREATE, "{}")).path("AccessKeyId").asText(), secret)) {
            assertThatThrownBy(() -> wrongSecret.listInstances(r -> { })).isInstanceOfSatisfying(AwsServiceException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
    }

    @Test
    void aKeyMayRevokeItselfAndThatAnswerIsItsLast() throws Exception {
        JsonNode key = ok(asBootstrap(CREATE, "{}"));
        String id = key.path("AccessKeyId").asText();
        String secret = key.path("SecretAccessKey").asText();

        assertThat(ok(calls.call(REVOKE, "{\"AccessKeyId\":\"" + id + "\"}", id, secret)).path("Status").asText())
                .isEqualTo("Revoked");
        assertError(calls.call(LIST, "{}", id, secret), "UnrecognizedClientException", "security token");
    }

    @Test
    void listPagesWithNextTokenAndMaxResults() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(ok(asBootstrap(CREATE, "{\"Description\":\"key " + i + "\"}")).path("AccessKeyId").asText());
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = ok(asBootstrap(LIST, next == null ? "{\"MaxResults\":2}"
                    : "{\"MaxResults\":2,\"NextToken\":\"" + next + "\"}"));
            page.path("AdminKeys").forEach(k -> seen.add(k.path("AccessKeyId").asText()));
            next = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made.stream().sorted().toList());
    }

    @Test
    void badInputIsAValidationExceptionOrNotFoundAndNeverA500() throws Exception {
        assertError(asBootstrap(REVOKE, "{}"), "ValidationException", "'AccessKeyId'");
        assertError(asBootstrap(REVOKE, "{\"AccessKeyId\":42}"), "ValidationException", "'AccessKeyId'");
        assertError(asBootstrap(REVOKE, "{\"AccessKeyId\":\"not-a-key\"}"), "ValidationException", "AKIA");
        assertError(asBootstrap(REVOKE, "{\"AccessKeyId\":\"AKIAAAAAAAAAAAAAAAAA\"}"), "ResourceNotFoundException",
                "AKIAAAAAAAAAAAAAAAAA");
        assertError(asBootstrap(REVOKE, "{\"AccessKeyId\":\"" + ADMIN_KEY_ID + "\"}"), "ValidationException",
                "bootstrap key");
        assertError(asBootstrap(CREATE, "{\"Description\":7}"), "ValidationException", "'Description'");
        assertError(asBootstrap(CREATE, "{\"Description\":\"" + "x".repeat(257) + "\"}"), "ValidationException",
                "256");
        assertError(asBootstrap(CREATE, "{\"Description\":\"bell\\u0007\"}"), "ValidationException", "control");
        assertError(asBootstrap(LIST, "{\"MaxResults\":0}"), "ValidationException", "'MaxResults'");
        assertError(asBootstrap(LIST, "{\"MaxResults\":\"2\"}"), "ValidationException", "'MaxResults'");
        assertError(asBootstrap(LIST, "{\"NextToken\":\"garbage\"}"), "ValidationException", "nextToken");
        assertError(asBootstrap(CREATE, "[]"), "ValidationException", "JSON object");
        assertError(asBootstrap("GatehouseAdmin.MakeCoffee", "{}"), "UnknownOperationException", "MakeCoffee");
        assertThat(ok(asBootstrap(LIST, "{}")).path("AdminKeys")).isEmpty();
    }

    @Test
    void signaturesAreCheckedForServiceGatehouseAndErrorsOfCreateAreNotStoredEither() throws Exception {
        HttpResponse<String> wrongService = calls.call(CREATE, "{}", ADMIN_KEY_ID, ADMIN_SECRET, "sso");
        assertError(wrongService, "InvalidSignatureException", "'gatehouse'");
        assertThat(wrongService.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> unsigned = calls.unsigned(CREATE, "{}");
        assertError(unsigned, "MissingAuthenticationTokenException", "Authentication Token");
        assertError(calls.call(CREATE, "{}", ADMIN_KEY_ID, ADMIN_SECRET.replace('t', 'T')), "InvalidSignatureException",
                "signature");
        assertThat(ok(asBootstrap(LIST, "{}")).path("AdminKeys")).isEmpty();
    }

    @Test
    void changesAndRefusalsAreAuditedWithIdsAndNeverSecrets() throws Exception {
        String[] key = new String[2];
        String log = StderrCapture.during(() -> {
            try {
                JsonNode made = ok(asBootstrap(CREATE, "{\"Description\":\"do not log me\"}"));
                key[0] = made.path("AccessKeyId").asText();
                key[1] = made.path("SecretAccessKey").asText();
                ok(asBootstrap(LIST, "{}"));
                ok(calls.call(REVOKE, "{\"AccessKeyId\":\"" + key[0] + "\"}", key[0], key[1]));
                calls.call(LIST, "{}", key[0], key[1]);
                calls.call(LIST, "{}", ADMIN_KEY_ID, "wrong-secret-0123456789-0123456789-0123");
                calls.unsigned(REVOKE, "{}");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        List<JsonNode> audit = new ArrayList<>();
        for (String line : service.auditLines()) {
            audit.add(JSON.readTree(line));
        }
        assertThat(audit).allSatisfy(event -> assertThat(event.path("event").asText()).isEqualTo("AdminCall"));
        assertThat(audit).filteredOn(e -> e.path("outcome").asText().equals("success")).satisfiesExactly(
                e -> {
                    assertThat(e.path("client").asText()).isEqualTo(ADMIN_KEY_ID);
                    assertThat(e.path("details").path("target").asText()).isEqualTo(CREATE);
                    assertThat(e.path("details").path("AccessKeyId").asText()).isEqualTo(key[0]);
                    assertThat(e.path("time").asText()).isNotBlank();
                    assertThat(e.path("requestId").asText()).isNotBlank();
                    assertThat(e.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
                },
                e -> {
                    assertThat(e.path("client").asText()).isEqualTo(key[0]);
                    assertThat(e.path("details").path("target").asText()).isEqualTo(REVOKE);
                    assertThat(e.path("details").path("AccessKeyId").asText()).isEqualTo(key[0]);
                });
        assertThat(audit).filteredOn(e -> e.path("outcome").asText().equals("denied")).satisfiesExactly(
                e -> {
                    assertThat(e.path("client").asText()).isEqualTo(key[0]);
                    assertThat(e.path("details").path("reason").asText()).isEqualTo("UNKNOWN_ACCESS_KEY");
                    assertThat(e.path("details").path("target").asText()).isEqualTo(LIST);
                },
                e -> {
                    assertThat(e.path("client").asText()).isEqualTo(ADMIN_KEY_ID);
                    assertThat(e.path("details").path("reason").asText()).isEqualTo("SIGNATURE_MISMATCH");
                },
                e -> {
                    assertThat(e.has("client")).isFalse();
                    assertThat(e.path("details").path("reason").asText()).isEqualTo("UNSIGNED");
                    assertThat(e.path("details").path("target").asText()).isEqualTo(REVOKE);
                });
        assertThat(audit).hasSize(5);
        String everything = log + String.join("\n", service.auditLines());
        assertThat(everything).doesNotContain(key[1]).doesNotContain(ADMIN_SECRET).doesNotContain("wrong-secret")
                .doesNotContain("do not log me");
    }
}
