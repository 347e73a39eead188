package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve --audit-log}: the audit trail as JSON lines appended to an owner-only file,
 * or by default on standard output, one event a line, written before the request that made it answers.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeAuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** An unsigned admin call: refused, and audited as a denied AdminCall. */
    private static int unsignedAdminCall(URI baseUrl) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(baseUrl.resolve("/"))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "GatehouseAdmin.EndUserSessions")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"UserName\":\"demo\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    private static void assertDeniedAdminCall(JsonNode event) {
        assertThat(event.path("event").asText()).isEqualTo("AdminCall");
        assertThat(event.path("outcome").asText()).isEqualTo("denied");
        assertThat(event.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(event.path("details").path("target").asText()).isEqualTo("GatehouseAdmin.EndUserSessions");
        assertThat(event.path("details").path("reason").asText()).isEqualTo("UNSIGNED");
    }

    @Test
    void appendsToAnOwnerOnlyFile() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), List.of("--audit-log", log.toString()))) {
            assertThat(unsignedAdminCall(server.baseUrl())).isEqualTo(400);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).hasSize(1);
            assertDeniedAdminCall(JSON.readTree(lines.getFirst()));
            assertThat(server.output()).noneMatch(line -> line.contains("\"AdminCall\""));
        }
        // a second run appends
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), List.of("--audit-log", log.toString()))) {
            unsignedAdminCall(server.baseUrl());
            assertThat(Files.readAllLines(log)).hasSize(2);
        }
    }

    @Test
    void writesToStandardOutputByDefault() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"))) {
            assertThat(unsignedAdminCall(server.baseUrl())).isEqualTo(400);
            assertDeniedAdminCall(JSON.readTree(server.awaitLine("{\"time\":")));
        }
    }
}
