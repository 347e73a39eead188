package dev.gatehouse.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-lines audit log: the keys, in their order, with absent ones left out; one whole line per
 * record whatever the number of writers; a file created owner-only and appended to.
 */
class JsonLinesAuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-11-30T08:00:00.123Z");

    @TempDir
    Path dir;

    private static AuditRecord full() {
        return new AuditRecord("1796025600123-ABCDEFGHIJ", TIME, AuditEvent.SIGN_IN_SUCCEEDED, AuditOutcome.SUCCESS,
                Optional.of("alice"), Optional.of("u-1"), Optional.of("s-1"), Optional.of("botocore-client-x"),
                Optional.of("c-1"), Optional.of("127.0.0.1"), Optional.of("r-1"),
                Map.of("method", "password", "mfa", "totp"), TIME.plusSeconds(86_400));
    }

    private static AuditRecord bare(String id) {
        return new AuditRecord(id, Instant.parse("2026-11-30T08:00:00Z"), AuditEvent.SIGN_IN_THROTTLED,
                AuditOutcome.THROTTLED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), TIME);
    }

    private static List<String> written(AuditRecord... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLinesAuditLog log = JsonLinesAuditLog.to(out)) {
            for (AuditRecord record : records) {
                log.accept(record);
            }
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyFieldUnderItsKeyInTheDocumentedOrder() throws Exception {
        List<String> lines = written(full());
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(keys(line)).containsExactly("time", "event", "outcome", "user", "userId", "sessionId", "client",
                "clientId", "sourceAddress", "requestId", "eventId", "details");
        assertThat(line.path("time").asText()).isEqualTo("2026-11-30T08:00:00.123Z");
        assertThat(line.path("event").asText()).isEqualTo("SignInSucceeded");
        assertThat(line.path("outcome").asText()).isEqualTo("success");
        assertThat(line.path("user").asText()).isEqualTo("alice");
        assertThat(line.path("userId").asText()).isEqualTo("u-1");
        assertThat(line.path("sessionId").asText()).isEqualTo("s-1");
        assertThat(line.path("client").asText()).isEqualTo("botocore-client-x");
        assertThat(line.path("clientId").asText()).isEqualTo("c-1");
        assertThat(line.path("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(line.path("requestId").asText()).isEqualTo("r-1");
        assertThat(line.path("eventId").asText()).isEqualTo("1796025600123-ABCDEFGHIJ");
        assertThat(keys(line.path("details"))).containsExactly("method", "mfa");
        assertThat(line.path("details").path("mfa").asText()).isEqualTo("totp");
        assertThat(lines.getFirst()).doesNotContain("expiresAt").doesNotContain(" ");
    }

    @Test
    void absentFieldsAreLeftOutAndTheTimeAlwaysHasMilliseconds() throws Exception {
        JsonNode line = JSON.readTree(written(bare("1796025600000-AAAAAAAAAA")).getFirst());
        assertThat(keys(line)).containsExactly("time", "event", "outcome", "eventId", "details");
        assertThat(line.path("time").asText()).isEqualTo("2026-11-30T08:00:00.000Z");
        assertThat(line.path("outcome").asText()).isEqualTo("throttled");
        assertThat(line.path("details").isObject()).isTrue();
        assertThat(line.path("details")).isEmpty();
    }

    @Test
    void aValueWithNewlinesAndQuotesStaysOnItsLine() throws Exception {
        AuditRecord sneaky = new AuditRecord("1796025600123-ABCDEFGHIJ", TIME, AuditEvent.SIGN_IN_FAILED,
                AuditOutcome.FAILURE, Optional.of("eve\n{\"event\":\"Logout\"}"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), TIME);
        List<String> lines = written(sneaky);
        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines.getFirst()).path("user").asText()).isEqualTo("eve\n{\"event\":\"Logout\"}");
    }

    @Test
    void aFileIsCreatedOwnerOnlyAndAppendedTo() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditLog log = JsonLinesAuditLog.appendingTo(file)) {
            log.accept(full());
            // flushed at once: the line is in the file before the log is closed
            assertThat(Files.readAllLines(file)).hasSize(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (JsonLinesAuditLog log = JsonLinesAuditLog.appendingTo(file)) {
            log.accept(bare("1796025600000-AAAAAAAAAA"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).path("event").asText()).isEqualTo("SignInSucceeded");
        assertThat(JSON.readTree(lines.get(1)).path("event").asText()).isEqualTo("SignInThrottled");
    }

    @Test
    void concurrentWritersGiveWholeLines() throws Exception {
        Path file = dir.resolve("busy.jsonl");
        int writers = 16;
        int perWriter = 200;
        try (JsonLinesAuditLog log = JsonLinesAuditLog.appendingTo(file);
             ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        // a long detail, so that a torn write would show
                        log.accept(new AuditRecord(String.format("1796025600123-W%02dN%04d", writer, i), TIME,
                                AuditEvent.TOKEN_ISSUED, AuditOutcome.SUCCESS, Optional.of("user-" + writer),
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty(), Map.of("padding", "x".repeat(2000)), TIME));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(writers * perWriter);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("details").path("padding").asText()).hasSize(2000);
            ids.add(event.path("eventId").asText());
        }
        assertThat(ids).hasSize(writers * perWriter);
    }

    @Test
    void aBrokenStandardOutputIsCountedAndBreaksNothing() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        JsonLinesAuditLog log = JsonLinesAuditLog.to(new PrintStream(broken, true, StandardCharsets.UTF_8));
        AuditRecord record = new AuditRecord("1796025600123-BROKEN", TIME, AuditEvent.LOGOUT, AuditOutcome.SUCCESS,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), TIME);

        log.accept(record);
        log.accept(record);
        log.close();

        assertThat(log.failedWrites()).isEqualTo(2);
    }
}
