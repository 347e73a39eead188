package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.wire.AwsErrors;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Where {@link ApiDispatcher} runs an operation: a virtual thread, or the I/O thread for local reads. */
class ApiDispatcherTest {

    /** Answers whether it ran on the I/O thread. */
    private record Probe(boolean readsOnly) implements ApiOperation {
        @Override
        public WireResponse handle(HttpServerExchange exchange) {
            return Json.ok(Map.of("onIoThread", exchange.isInIoThread()));
        }
    }

    @Test
    void onlyReadsOnALocalStoreStayOnTheIoThread() throws Exception {
        assertThat(ranOnIoThread(new Probe(true), true)).isTrue();
        assertThat(ranOnIoThread(new Probe(false), true)).as("a write").isFalse();
        assertThat(ranOnIoThread(new Probe(true), false)).as("a store across the network").isFalse();
    }

    private static boolean ranOnIoThread(ApiOperation operation, boolean readsInline) throws Exception {
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Undertow undertow = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(new ApiDispatcher(operation, workers, 1024, AwsErrors.FORMAT, readsInline))
                    .build();
            undertow.start();
            try (HttpClient http = HttpClient.newHttpClient()) {
                int port = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return response.body().contains("\"onIoThread\":true");
            } finally {
                undertow.stop();
            }
        }
    }
}
