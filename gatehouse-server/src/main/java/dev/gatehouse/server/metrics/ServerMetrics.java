package dev.gatehouse.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The service's meters, in one Micrometer registry that {@code GET /metrics} renders for Prometheus.
 * Each meter is looked up once, when the route or guard that records it is built. Labels come from
 * fixed, small sets (operation names, error names, guard names, status classes), never from request
 * data: no token, user name or address ever becomes a label.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Why a guard turned a request away before any work was done. */
    public enum Rejection {
        LOAD_SHED("load_shed"), RATE_LIMIT_ADDRESS("rate_limit_address"), RATE_LIMIT_TOKEN("rate_limit_token"),
        CONNECTIONS_PER_ADDRESS("connections_per_address");

        private final String label;

        Rejection(String label) {
            this.label = label;
        }
    }

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);

    private ServerMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, Counter.builder("gatehouse.rejected")
                    .description("Requests turned away by a guard (load shedder, rate limits)")
                    .tag("reason", reason.label)
                    .register(registry));
        }
    }

    /** A Prometheus registry with the service's meters and the JVM and process basics. */
    public static ServerMetrics create() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ProcessorMetrics(),
                new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        return new ServerMetrics(registry, gc);
    }

    /**
     * Adds the meters of a part that has its own: the store, when it is a {@link MeterBinder} (the
     * RocksDB group commit, the PostgreSQL pool). The domain's store port knows nothing of metrics.
     */
    public ServerMetrics include(Object part) {
        if (part instanceof MeterBinder meters) {
            meters.bindTo(registry);
        }
        return this;
    }

    /** Every meter in the Prometheus text format ({@link MetricsHandler#CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape(MetricsHandler.CONTENT_TYPE);
    }

    public Counter rejected(Rejection reason) {
        return rejected.get(reason);
    }

    /** {@code gatehouse.requests}: the time one API operation took, by outcome. */
    public OutcomeTimer operation(String name) {
        return new OutcomeTimer(registry, "gatehouse.requests", "API operations, by outcome: ok or the error's name",
                Tags.of("operation", name));
    }

    /** {@code gatehouse.pages}: the time web pages took, by status class. */
    public OutcomeTimer pages() {
        return new OutcomeTimer(registry, "gatehouse.pages", "Web pages and forms, by status class", Tags.empty());
    }

    /** {@code gatehouse.sign_in}: sign-in form submissions, by outcome. */
    public Counter signIn(String outcome) {
        return Counter.builder("gatehouse.sign_in")
                .description("Sign-in form submissions, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
