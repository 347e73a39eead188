package dev.gatehouse.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * One timer per outcome of one thing (an API operation, the pages), made the first time that outcome
 * happens and then found without allocating. Outcomes are a small fixed set (ok, an error's name, a
 * status class), so the map stays small. The buckets make latency comparable across instances.
 */
public final class OutcomeTimer {
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Tags tags;
    private final ConcurrentMap<String, Timer> byOutcome = new ConcurrentHashMap<>();

    OutcomeTimer(MeterRegistry registry, String name, String description, Tags tags) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tags = tags;
    }

    /** Records the time since {@code startNanos} ({@link System#nanoTime()}) under {@code outcome}. */
    public void record(String outcome, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        Timer timer = byOutcome.get(outcome);
        if (timer == null) {
            timer = byOutcome.computeIfAbsent(outcome, o -> Timer.builder(name)
                    .description(description)
                    .tags(tags)
                    .tag("outcome", o)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        timer.record(elapsed, TimeUnit.NANOSECONDS);
    }

    /** Records under the status class of an HTTP status ({@code 2xx}, {@code 4xx}, ...). */
    public void recordStatus(int status, long startNanos) {
        int index = status / 100 - 1;
        record(index >= 0 && index < STATUS_CLASSES.length ? STATUS_CLASSES[index] : "other", startNanos);
    }
}
