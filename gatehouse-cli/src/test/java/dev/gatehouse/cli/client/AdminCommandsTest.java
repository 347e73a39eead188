package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse admin keys create|list|revoke} and {@code gatehouse admin users invite} against a
 * running service: the endpoint and key from the environment, options or ~/.aws/credentials; tables
 * for people, JSON alone on stdout; exit 1 with a useful message when the service refuses, 2 on bad usage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path home;
    TestService service;
    CliHarness cli;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        cli = new CliHarness(home);
        cli.adminOf(service.baseUrl().toString());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private CliHarness.Result fails(int exit, String... args) {
        CliHarness.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exit);
        return result;
    }

    private void signWith(String keyId, String secret) {
        cli.env.put("AWS_ACCESS_KEY_ID", keyId);
        cli.env.put("AWS_SECRET_ACCESS_KEY", secret);
    }

    @Test
    void createPrintsTheKeyOnceAsJsonAloneOnStdoutAndTheKeyThenSignsUntilRevoked() throws Exception {
        CliHarness.Result created = ok("admin", "keys", "create", "--description", "ci pipeline", "--output", "json");
        JsonNode key = JSON.readTree(created.out());
        assertThat(key.size()).isEqualTo(2);
        String id = key.path("AccessKeyId").asText();
        String secret = key.path("SecretAccessKey").asText();
        assertThat(id).matches("AKIA[A-Z0-9]{16}");
        assertThat(secret).hasSize(40);
        assertThat(created.err()).isEmpty();

        signWith(id, secret);
        CliHarness.Result table = ok("admin", "keys", "list");
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("ACCESS KEY ID").contains("DESCRIPTION");
        assertThat(table.out()).contains(id).contains("Active").contains("ci pipeline").contains(TestDirectory.ADMIN_KEY_ID)
                .doesNotContain(secret);

        JsonNode listed = JSON.readTree(ok("admin", "keys", "list", "--output", "JSON").out());
        assertThat(listed.isArray()).isTrue();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("AccessKeyId").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("CreatedAt").asText()).endsWith("Z");
        assertThat(listed.get(0).has("SecretAccessKey")).isFalse();

        signWith(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET);
        assertThat(ok("admin", "keys", "revoke", id).out()).contains("Revoked " + id);
        assertThat(JSON.readTree(ok("admin", "keys", "list", "--output", "json").out()).get(0).path("Status").asText())
                .isEqualTo("Revoked");

        signWith(id, secret);
        CliHarness.Result refused = fails(1, "admin", "keys", "list");
        assertThat(refused.err()).contains("UnrecognizedClientException").contains("revoked");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void createForPeoplePrintsIdAndSecretAndWarnsThatTheSecretIsShownOnce() {
        CliHarness.Result created = ok("admin", "keys", "create");
        assertThat(created.out()).containsPattern("Access key id: +AKIA[A-Z0-9]{16}")
                .containsPattern("Secret access key: +\\S{40}");
        assertThat(created.err()).contains("only this once");
        assertThat(ok("admin", "keys", "list").out()).contains("Active");
    }

    @Test
    void theKeyMayComeFromAProfileOfTheCredentialsFileAndTheEndpointFromTheOption() throws Exception {
        cli.env.remove("AWS_ACCESS_KEY_ID");
        cli.env.remove("AWS_SECRET_ACCESS_KEY");
        cli.env.remove("GATEHOUSE_ENDPOINT_URL");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), """
                [default]
                aws_access_key_id = AKIAWRONGWRONGWRONG1
                aws_secret_access_key = nope

                [gatehouse-admin]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET));

        assertThat(ok("admin", "keys", "list", "--profile", "gatehouse-admin", "--endpoint-url",
                service.baseUrl().toString()).out()).contains("No admin keys");
        assertThat(fails(1, "admin", "keys", "list", "--endpoint-url", service.baseUrl().toString()).err())
                .contains("AKIAWRONGWRONGWRONG1").contains("UnrecognizedClientException");
        assertThat(fails(1, "admin", "keys", "list", "--profile", "absent", "--endpoint-url",
                service.baseUrl().toString()).err()).contains("no admin key").contains("[absent]");
    }

    @Test
    void refusalsAndMistakesSayWhatToDo() {
        assertThat(fails(1, "admin", "keys", "revoke", "AKIAAAAAAAAAAAAAAAAA").err())
                .contains("ResourceNotFoundException").contains("AKIAAAAAAAAAAAAAAAAA");
        assertThat(fails(1, "admin", "keys", "revoke", "not-a-key").err()).contains("ValidationException");
        assertThat(fails(1, "admin", "keys", "list", "--region", "eu-west-1").err())
                .contains("InvalidSignatureException").contains("--region");
        assertThat(fails(1, "admin", "keys", "list", "--endpoint-url", "http://127.0.0.1:1").err()).contains("127.0.0.1:1");
        signWith(TestDirectory.ADMIN_KEY_ID, "not-the-secret-0123456789-0123456789-012");
        assertThat(fails(1, "admin", "keys", "create").err()).contains("InvalidSignatureException").contains("secret");
        cli.env.remove("AWS_ACCESS_KEY_ID");
        assertThat(fails(1, "admin", "keys", "list").err()).contains("AWS_ACCESS_KEY_ID");
        cli.env.remove("GATEHOUSE_ENDPOINT_URL");
        assertThat(fails(2, "admin", "keys", "list").err()).contains("--endpoint-url").contains("GATEHOUSE_ENDPOINT_URL");
        assertThat(fails(2, "admin", "keys", "list", "--endpoint-url", "ftp://x").err()).contains("http");
        assertThat(fails(2, "admin", "keys", "revoke").err()).contains("KEY_ID");
        assertThat(fails(2, "admin", "keys", "list", "--output", "yaml").err()).contains("--output").contains("table or json");
        assertThat(fails(2, "admin").err()).contains("subcommand");
    }

    @Test
    void inviteCallsCreateInvitationSignedForGatehouseAndPrintsTheLink() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"InvitationUrl\":\"http://gatehouse.test/invitation#abc\",\"ExpiresAt\":1796112000}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        try {
            cli.env.put("GATEHOUSE_ENDPOINT_URL", "http://127.0.0.1:" + stub.getAddress().getPort());
            CliHarness.Result invited = ok("admin", "users", "invite", "bob");
            assertThat(invited.out()).isEqualTo("http://gatehouse.test/invitation#abc\n");
            assertThat(invited.err()).contains("bob").contains("2026-12-01T08:00:00Z");
            assertThat(seen.get(0)).isEqualTo("GatehouseAdmin.CreateInvitation");
            assertThat(seen.get(1)).startsWith("AWS4-HMAC-SHA256 Credential=" + TestDirectory.ADMIN_KEY_ID + "/")
                    .contains("/us-east-1/gatehouse/aws4_request").contains("x-amz-target");
            assertThat(JSON.readTree(seen.get(2))).isEqualTo(JSON.readTree("{\"UserName\":\"bob\"}"));

            JsonNode json = JSON.readTree(ok("admin", "users", "invite", "bob", "--output", "json").out());
            assertThat(json).isEqualTo(JSON.valueToTree(Map.of("UserName", "bob",
                    "InvitationUrl", "http://gatehouse.test/invitation#abc", "ExpiresAt", "2026-12-01T08:00:00Z")));
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void inviteOnTheRealServiceGivesALinkToTheSetPasswordPage() throws Exception {
        String link = ok("admin", "users", "invite", "bob").out().strip();
        assertThat(link).contains("/invitation?token=");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"password\"").contains("name=\"passwordRepeat\"");
        assertThat(fails(1, "admin", "users", "invite", "nobody").err()).contains("ResourceNotFoundException");
    }
}
