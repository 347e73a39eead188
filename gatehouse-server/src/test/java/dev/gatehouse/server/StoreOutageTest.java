package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the store cannot serve, every API operation and every page says so with a 503 in its own
 * format (never a 500, never the store's words: {@link OutageAnswers}), and /health says why.
 */
class StoreOutageTest {
    @TempDir
    Path dataDir;
    TestService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(service.baseUrl().resolve(path)).timeout(Duration.ofSeconds(10))
                .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesApiAndHealthAnswer503WhileTheStoreIsDown() throws Exception {
        service = new TestService(dataDir);
        OutageAnswers outage = OutageAnswers.prepare(service.baseUrl(), service.gatehouse);

        service.store.close();

        outage.assertAllUnavailable();
        HttpResponse<String> health = get("/health", "Accept", "application/json");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("unavailable").contains("closed");
    }
}
