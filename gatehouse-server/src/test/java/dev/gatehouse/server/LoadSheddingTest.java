package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.server.limits.LoadShedder;
import dev.gatehouse.server.wire.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LoadShedder} on a bare Undertow, made deterministic with latches: the handler it guards
 * parks every request until the test lets it go, so "in flight" is exactly what the test says.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadSheddingTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long WAIT_SECONDS = 10;

    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    /** Counts exchanges whose completion listeners (the shedder's release included) have all run. */
    private final Semaphore completed = new Semaphore(0);
    private final Counter shedCount = new SimpleMeterRegistry().counter("gatehouse.rejected");
    private ExecutorService handlerThreads;
    private Undertow undertow;
    private HttpClient http;
    private URI base;

    @BeforeEach
    void start() {
        handlerThreads = Executors.newCachedThreadPool();
        HttpHandler blocking = exchange -> exchange.dispatch(handlerThreads, () -> {
            entered.release();
            try {
                if (!release.await(WAIT_SECONDS * 3, TimeUnit.SECONDS)) {
                    exchange.setStatusCode(504);
                    exchange.endExchange();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.setStatusCode(503);
                exchange.endExchange();
                return;
            }
            exchange.setStatusCode(200);
            exchange.getResponseSender().send("done");
        });
        HttpHandler shed = new LoadShedder(2, shedCount).guard(blocking);
        // Registered before the shedder's own listener, so (Undertow runs completion listeners last
        // registered first) it runs after the shedder has given its permit back.
        HttpHandler root = exchange -> {
            exchange.addExchangeCompleteListener((done, next) -> {
                next.proceed();
                completed.release();
            });
            shed.handleRequest(exchange);
        };
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(root).build();
        undertow.start();
        int port = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
        base = URI.create("http://127.0.0.1:" + port);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        http.close();
        undertow.stop();
        handlerThreads.shutdownNow();
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pastTheBoundARequestIsAnswered429AtOnceAndPermitsComeBack() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("/one");
        CompletableFuture<HttpResponse<String>> second = get("/two");
        assertThat(entered.tryAcquire(2, WAIT_SECONDS, TimeUnit.SECONDS))
                .as("both requests reached the guarded handler").isTrue();

        // Both permits are held: the third must be turned away at once, not queued behind the latch
        // (if it were queued, it would time out here, since the latch is still closed).
        HttpResponse<String> third = get("/three").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = Json.MAPPER.readTree(third.body());
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(entered.availablePermits()).as("the shed request never reached the handler").isZero();
        assertThat(shedCount.count()).as("the shed request was counted").isEqualTo(1);

        release.countDown();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(completed.tryAcquire(3, WAIT_SECONDS, TimeUnit.SECONDS))
                .as("all three exchanges completed on the server").isTrue();

        // Permits were given back: the bound admits requests again, two at a time.
        CompletableFuture<HttpResponse<String>> fourth = get("/four");
        CompletableFuture<HttpResponse<String>> fifth = get("/five");
        assertThat(fourth.get(WAIT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(fifth.get(WAIT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(entered.availablePermits()).isEqualTo(2);
    }
}
