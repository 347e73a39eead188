package dev.gatehouse.server;

import dev.gatehouse.config.Connections;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.session.SessionActivity;
import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.http.HttpListener;
import dev.gatehouse.server.http.InFlightRequests;
import dev.gatehouse.server.http.RequestIds;
import dev.gatehouse.server.http.UnreadBodies;
import dev.gatehouse.server.metrics.ServerMetrics;
import dev.gatehouse.server.metrics.ServerMetrics.Rejection;
import io.undertow.UndertowOptions;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;

/**
 * The HTTP service on Undertow: non-blocking I/O threads parse requests and apply the cheap guards;
 * operations run on virtual threads, so a Logout waiting for its group commit holds no platform
 * thread. Its meters (and the store's, when it has any) are served on {@code GET /metrics}.
 *
 * <p>Slow clients: a request head must arrive within the configured header timeout of its first byte,
 * a body within the body timeout ({@link UnreadBodies}), one client address may hold a bounded number
 * of connections, and malformed framing is refused at once (all in {@code http/}). An idle connection
 * (no request under way) is closed after {@link #IDLE_CONNECTION}.
 *
 * <p>Beside the requests: the hourly purge of expired records, the {@link DirectoryFollower} that
 * applies the directory changes made through other instances on the same store within a second, and
 * the audit trail: its records reach the store in batches from a writer thread, and go to the
 * settings' JSON-lines log; stopping writes out what is left and closes the log.
 */
public final class GatehouseServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);
    /** Expired records are kept this long (so that late callers get "expired", not "unknown"), then purged. */
    private static final Duration PURGE_AFTER = Duration.ofDays(1);
    /** A connection with no request under way (new, or kept alive between requests) is closed after this. */
    static final Duration IDLE_CONNECTION = Duration.ofSeconds(120);

    private final HttpListener listener;
    private final InFlightRequests inFlight;
    private final ExecutorService operations;
    private final ScheduledExecutorService housekeeping;
    private final DirectoryFollower directoryFollower;
    private final ServerMetrics metrics;
    private final URI baseUrl;
    private final AuditTrail audit;
    private final SessionActivity activity;

    private GatehouseServer(HttpListener listener, InFlightRequests inFlight, ExecutorService operations,
                            ScheduledExecutorService housekeeping, DirectoryFollower directoryFollower,
                            ServerMetrics metrics, AuditTrail audit,
                            SessionActivity activity) {
        this.listener = listener;
        this.audit = audit;
        this.activity = activity;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.operations = operations;
        this.housekeeping = housekeeping;
        this.directoryFollower = directoryFollower;
        this.baseUrl = listeningUrl(listener.address());
    }

    private static URI listeningUrl(InetSocketAddress bound) {
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    public static GatehouseServer start(Gatehouse gatehouse, ServerSettings settings) {
        return start(gatehouse, settings, routes -> { });
    }

    /** Starts the service; {@code extraRoutes} may add routes (the benchmark adds its baseline route). */
    public static GatehouseServer start(Gatehouse gatehouse, ServerSettings settings, Consumer<RoutingHandler> extraRoutes) {
        gatehouse.audit().batchStoreWrites();
        gatehouse.audit().addSink(settings.auditLog());
        ExecutorService operations = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("op-", 0).factory());
        ServerMetrics metrics = ServerMetrics.create().include(gatehouse.store());
        ClientAddresses clientAddresses = new ClientAddresses(settings.limits().trustedProxies());
        // the public URL, else (known once listening) the listening address
        AtomicReference<URI> serviceUrl = new AtomicReference<>(settings.publicUrl().orElse(null));
        RoutingHandler routes = Routes.build(gatehouse, settings, clientAddresses, operations, metrics, serviceUrl::get);
        extraRoutes.accept(routes);
        Connections connections = settings.limits().connections();
        InFlightRequests inFlight = new InFlightRequests(new UnreadBodies(new RequestIds(routes), connections.bodyTimeout()));
        metrics.include(inFlight);
        OptionMap options = OptionMap.builder()
                .set(UndertowOptions.MAX_HEADER_SIZE, settings.maxHeaderBytes())
                .set(UndertowOptions.MAX_ENTITY_SIZE, settings.maxBodyBytes())
                .set(UndertowOptions.MAX_HEADERS, 100)
                .set(UndertowOptions.MAX_PARAMETERS, 100)
                .set(UndertowOptions.DECODE_URL, false)
                // a deadline from the head's first byte (not a pause between reads): measured, a client
                // sending one byte every half second is cut off at it
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) connections.headerTimeout().toMillis())
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) IDLE_CONNECTION.toMillis())
                .set(UndertowOptions.ALWAYS_SET_DATE, true)
                .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .getMap();
        HttpListener listener = HttpListener.start(settings.host(), settings.port(), inFlight, options,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 1024, connections.maxPerAddress(),
                clientAddresses, metrics.rejected(Rejection.CONNECTIONS_PER_ADDRESS));
        serviceUrl.compareAndSet(null, listeningUrl(listener.address()));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gatehouse-housekeeping").daemon(true).factory());
        housekeeping.scheduleWithFixedDelay(() -> purge(gatehouse), 1, 60, TimeUnit.MINUTES);
        DirectoryFollower directoryFollower = DirectoryFollower.start(gatehouse.liveDirectory(), DirectoryFollower.INTERVAL);
        metrics.include(directoryFollower);
        return new GatehouseServer(listener, inFlight, operations, housekeeping, directoryFollower, metrics,
                gatehouse.audit(), gatehouse.activity());
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

    /** Closes the listening socket: no new connection from now on; those open are served. Idempotent. */
    public void stopAccepting() {
        listener.stopAccepting();
    }

    /**
     * A graceful stop: stops accepting connections, lets the requests in flight finish (up to
     * {@code grace}; each answer then closes its connection), then closes as {@link #close()} does.
     *
     * @return how many requests had not finished within {@code grace}
     */
    public int stop(Duration grace) throws InterruptedException {
        stopAccepting();
        int unfinished = inFlight.stopAndAwait(grace);
        close();
        return unfinished;
    }

    /** Requests being served now. */
    public int inFlight() {
        return inFlight.count();
    }

    /** Stops at once: open connections are closed, requests in flight cut off. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        directoryFollower.close();
        listener.close();
        operations.shutdown();
        try {
            operations.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
        try {
            activity.flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the sessions' last uses on the way down: {}", e.getMessage());
        }
        audit.close();
    }
}
