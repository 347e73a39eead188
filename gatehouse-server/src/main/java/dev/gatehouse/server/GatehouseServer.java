package dev.gatehouse.server;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.http.RequestIds;
import dev.gatehouse.server.metrics.ServerMetrics;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * The HTTP service on Undertow: non-blocking I/O threads parse requests and apply the cheap guards;
 * operations run on virtual threads, so a Logout waiting for its group commit holds no platform
 * thread. Its meters (and the store's, when it has any) are served on {@code GET /metrics}.
 */
public final class GatehouseServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);
    /** Expired records are kept this long (so that late callers get "expired", not "unknown"), then purged. */
    private static final Duration PURGE_AFTER = Duration.ofDays(1);

    private final Undertow undertow;
    private final ExecutorService operations;
    private final ScheduledExecutorService housekeeping;
    private final ServerMetrics metrics;
    private final URI baseUrl;

    private GatehouseServer(Undertow undertow, ExecutorService operations, ScheduledExecutorService housekeeping,
                            ServerMetrics metrics) {
        this.undertow = undertow;
        this.metrics = metrics;
        this.operations = operations;
        this.housekeeping = housekeeping;
        InetSocketAddress bound = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    public static GatehouseServer start(Gatehouse gatehouse, ServerSettings settings) {
        return start(gatehouse, settings, routes -> { });
    }

    /** Starts the service; {@code extraRoutes} may add routes (the benchmark adds its baseline route). */
    public static GatehouseServer start(Gatehouse gatehouse, ServerSettings settings, Consumer<RoutingHandler> extraRoutes) {
        ExecutorService operations = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("op-", 0).factory());
        ServerMetrics metrics = ServerMetrics.create().include(gatehouse.store());
        RoutingHandler routes = Routes.build(gatehouse, settings, operations, metrics);
        extraRoutes.accept(routes);
        Undertow undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(4)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, settings.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, settings.maxBodyBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, 100)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setSocketOption(Options.BACKLOG, 1024)
                .setHandler(new RequestIds(routes))
                .build();
        undertow.start();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gatehouse-housekeeping").daemon(true).factory());
        housekeeping.scheduleWithFixedDelay(() -> purge(gatehouse), 1, 60, TimeUnit.MINUTES);
        return new GatehouseServer(undertow, operations, housekeeping, metrics);
    }

    private static void purge(Gatehouse gatehouse) {
        try {
            long purged = gatehouse.store().purgeExpiredBefore(gatehouse.clock().instant().minus(PURGE_AFTER));
            LOG.info("Purged {} expired records", purged);
        } catch (RuntimeException e) {
            LOG.warn("Purge of expired records failed: {}", e.getMessage());
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        undertow.stop();
        operations.shutdown();
        try {
            operations.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }
}
