package dev.gatehouse.server.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.TestService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GatehouseAdmin.CreateInvitation} over HTTP, signed by the AWS SDK's SigV4 signer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreateInvitationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "GatehouseAdmin.CreateInvitation";

    @TempDir
    Path dataDir;
    TestService service;
    AdminCalls admin;
    User nina;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        admin = new AdminCalls(service.baseUrl());
        nina = InvitedUsers.create(service, "nina", "Nina New");
    }

    @AfterEach
    void stop() {
        admin.close();
        service.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private void assertNotCached(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }

    @Test
    void anInvitationForAUserNameIsALinkToThePageGoodForSevenDays() throws Exception {
        HttpResponse<String> response = admin.asBootstrap(CREATE, "{\"UserName\":\"nina\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertNotCached(response);
        JsonNode output = json(response);
        assertThat(output.get("UserId").asText()).isEqualTo(nina.id());
        assertThat(output.get("ExpiresAt").isIntegralNumber()).isTrue();
        assertThat(output.get("ExpiresAt").asLong())
                .isEqualTo(service.clock.instant().plus(Duration.ofDays(7)).getEpochSecond());
        String url = output.get("InvitationUrl").asText();
        assertThat(url).matches(java.util.regex.Pattern.quote(service.baseUrl() + "/invitation?token=ghiv_")
                + "[A-Za-z0-9_-]{64}");

        try (HttpClient browser = HttpClient.newHttpClient()) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Set your password", "<strong>nina</strong>", "name=\"passwordRepeat\"");
        }
    }

    @Test
    void anInvitationForAUserIdReplacesTheOneBefore() throws Exception {
        String first = json(admin.asBootstrap(CREATE, "{\"UserId\":\"" + nina.id() + "\"}"))
                .get("InvitationUrl").asText();
        HttpResponse<String> second = admin.asBootstrap(CREATE, "{\"UserId\":\"" + nina.id() + "\"}");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("UserId").asText()).isEqualTo(nina.id());
        assertThat(json(second).get("InvitationUrl").asText()).isNotEqualTo(first);
        try (HttpClient browser = HttpClient.newHttpClient()) {
            HttpResponse<String> old = browser.send(HttpRequest.newBuilder(URI.create(first)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(old.statusCode()).isEqualTo(404);
            assertThat(old.body()).contains("replaced by a newer one");
        }
    }

    @Test
    void theLinkNamesTheHostTheAdminCalled() throws Exception {
        URI byName = URI.create("http://localhost:" + service.baseUrl().getPort());
        try (AdminCalls byNameCalls = new AdminCalls(byName)) {
            HttpResponse<String> response = byNameCalls.asBootstrap(CREATE, "{\"UserName\":\"nina\"}");
            assertThat(json(response).get("InvitationUrl").asText()).startsWith(byName + "/invitation?token=ghiv_");
        }
    }

    @Test
    void anUnknownUserIsResourceNotFound() throws Exception {
        for (String input : new String[] {"{\"UserName\":\"nobody\"}",
                "{\"UserId\":\"00000000-0000-4000-8000-000000000000\"}"}) {
            HttpResponse<String> response = admin.asBootstrap(CREATE, input);
            assertThat(response.statusCode()).as(input).isEqualTo(400);
            assertThat(json(response).get("__type").asText()).isEqualTo("ResourceNotFoundException");
            assertThat(json(response).get("Message").asText()).isEqualTo("User not found");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
            assertNotCached(response);
        }
        assertThat(service.gatehouse.directory().invitationOf(nina.id())).isEmpty();
    }

    @Test
    void theUserMustBeNamedOnceAsAString() throws Exception {
        assertValidation("{}", "UserId or UserName is required");
        assertValidation("{\"UserId\":\"" + nina.id() + "\",\"UserName\":\"nina\"}",
                "Give either UserId or UserName, not both");
        assertValidation("{\"UserName\":42}",
                "1 validation error detected: Value at 'UserName' failed to satisfy constraint: Member must be a string");
        assertValidation("{\"UserId\":\"" + "a".repeat(48) + "\"}",
                "1 validation error detected: Value at 'UserId' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 47");
        assertValidation("{\"UserName\":\"ni\\u0000na\"}",
                "1 validation error detected: Value at 'UserName' failed to satisfy constraint: Member must not contain "
                        + "control characters");
        assertValidation("[1]", "The request body must be a JSON object");
        assertThat(service.gatehouse.directory().invitationOf(nina.id())).isEmpty();
    }

    private void assertValidation(String input, String message) throws Exception {
        HttpResponse<String> response = admin.asBootstrap(CREATE, input);
        assertThat(response.statusCode()).as(input).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).as(input).isEqualTo("ValidationException");
        assertThat(json(response).get("Message").asText()).as(input).isEqualTo(message);
    }

    @Test
    void onlyACallSignedForGatehouseByAnAdminKeyMakesOne() throws Exception {
        HttpResponse<String> forIdentityStore = admin.asBootstrap(CREATE, "{\"UserName\":\"nina\"}",
                "identitystore", Clock.systemUTC());
        assertThat(forIdentityStore.statusCode()).isEqualTo(400);
        assertThat(json(forIdentityStore).get("__type").asText()).isEqualTo("InvalidSignatureException");

        HttpResponse<String> stale = admin.asBootstrap(CREATE, "{\"UserName\":\"nina\"}", "gatehouse",
                Clock.fixed(service.clock.instant().minus(Duration.ofMinutes(20)), ZoneOffset.UTC));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(json(stale).get("__type").asText()).isEqualTo("InvalidSignatureException");

        try (HttpClient plain = HttpClient.newHttpClient()) {
            HttpResponse<String> unsigned = plain.send(HttpRequest.newBuilder(service.baseUrl().resolve("/"))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", CREATE)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"UserName\":\"nina\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(400);
            assertThat(json(unsigned).get("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        }
        assertThat(service.gatehouse.directory().invitationOf(nina.id())).isEmpty();
    }
}
