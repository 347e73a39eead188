package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreException;

/**
 * No identitystore call runs without a good signature by a known admin key: unsigned, wrongly signed
 * and unknown-key calls are refused with the errors AWS's JSON services give (400, {@code __type}),
 * and the directory is left as it was.
 */
class IdentityStoreSigningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    TestService service;
    String storeId;
    String bobId;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        storeId = service.gatehouse.directory().ids().identityStoreId();
        bobId = service.gatehouse.directory().user("bob").orElseThrow().id();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anUnsignedCallIsRefused() throws Exception {
        assertRefusedAndNothingChanged(IdentityStoreClients::unsigned, "MissingAuthenticationTokenException");

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.baseUrl())
                .header("X-Amz-Target", "AWSIdentityStore.DeleteUser")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"IdentityStoreId\":\"" + storeId + "\",\"UserId\":\"" + bobId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(JSON.readTree(raw.body()).get("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(service.gatehouse.directory().userById(bobId)).isPresent();
    }

    @Test
    void aCallSignedWithAWrongSecretIsRefused() throws IOException {
        assertRefusedAndNothingChanged(base -> IdentityStoreClients.signedWith(base, TestDirectory.ADMIN_KEY_ID,
                "wrong/secret/0123456789abcdefghijklmnopqrstuvwxyz"), "InvalidSignatureException");
    }

    @Test
    void aCallSignedWithAnUnknownKeyIsRefused() throws IOException {
        assertRefusedAndNothingChanged(base -> IdentityStoreClients.signedWith(base, "AKIAUNKNOWNADMINKEY1",
                TestDirectory.ADMIN_SECRET), "UnrecognizedClientException");
    }

    /** CreateUser and DeleteUser by this client fail with {@code errorType},
            raw 400 with that __type; nothing changes. */
    private void assertRefusedAndNothingChanged(Function<URI, IdentitystoreClient> clientFor, String errorType)
            throws IOException {
        long version = service.gatehouse.liveDirectory().version();
        try (IdentitystoreClient client = clientFor.apply(service.baseUrl())) {
            assertThatThrownBy(() -> client.createUser(r -> r.identityStoreId(storeId).userName("mallory")
                    .displayName("Mallory").name(n -> n.givenName("Mallory").familyName("M"))))
                    .isInstanceOfSatisfying(IdentitystoreException.class, e -> assertRefused(e, errorType));
            assertThatThrownBy(() -> client.deleteUser(r -> r.identityStoreId(storeId).userId(bobId)))
                    .isInstanceOfSatisfying(IdentitystoreException.class, e -> assertRefused(e, errorType));
        }
        assertThat(service.gatehouse.directory().user("mallory")).isEmpty();
        assertThat(service.gatehouse.directory().userById(bobId)).isPresent();
        assertThat(service.gatehouse.liveDirectory().version()).isEqualTo(version);
    }

    private static void assertRefused(IdentitystoreException e, String errorType) {
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorType);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(400);
        try {
            JsonNode body = JSON.readTree(e.awsErrorDetails().rawResponse().asByteArray());
            assertThat(body.get("__type").asText()).isEqualTo(errorType);
        } catch (IOException io) {
            throw new AssertionError(io);
        }
    }
}
