package dev.gatehouse.server;

import dev.gatehouse.domain.directory.LiveDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's directory in step with the store's change log, so that a change committed
 * through any instance on the same store (a user deleted, an assignment added) is in force here within
 * a second: one platform thread calls {@link LiveDirectory#refresh} every {@link #INTERVAL}, one read
 * of the log when nothing changed. A write made on this instance needs no wait: it is in force here
 * when {@link LiveDirectory#write} returns. See docs/scale-out.md for the measured window.
 *
 * <p>When the store cannot answer, the round is logged and skipped, and the next one tries again:
 * nothing leaves the loop (a scheduled task that throws is never run again). The failure is logged
 * when it starts and then at most every {@link #LOG_EVERY}, and once more when following resumes.
 * Meters: {@code gatehouse.directory.version}, the version this instance is current to, to compare
 * across instances; {@code gatehouse.directory.follow.failures}, rounds that failed.
 */
final class DirectoryFollower implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFollower.class);
    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final LiveDirectory live;
    private final ScheduledExecutorService thread;
    private final AtomicLong version = new AtomicLong(-1);
    private volatile Counter failures;
    // touched on the follower's thread only
    private long failingSince;
    private long lastLogged;
    private int failedRounds;

    private DirectoryFollower(LiveDirectory live) {
        this.live = live;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gatehouse-directory-follower").daemon(true).factory());
    }

    /** Starts following, the first round one {@code interval} from now. */
    static DirectoryFollower start(LiveDirectory live, Duration interval) {
        DirectoryFollower follower = new DirectoryFollower(live);
        follower.version.set(live.version());
        long millis = interval.toMillis();
        follower.thread.scheduleWithFixedDelay(follower::followOnce, millis, millis, TimeUnit.MILLISECONDS);
        return follower;
    }

    /** One round: the changes since the last one applied, or the failure logged. Never throws. */
    void followOnce() {
        try {
            live.refresh();
            version.set(live.version());
            if (failedRounds > 0) {
                LOG.info("Following the directory change log again, at version {}, after {} failed rounds ({} ms)",
                        version.get(), failedRounds, (System.nanoTime() - failingSince) / 1_000_000);
                failedRounds = 0;
            }
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (failedRounds++ == 0) {
                failingSince = now;
            }
            Counter counter = failures;
            if (counter != null) {
                counter.increment();
            }
            if (failedRounds == 1 || now - lastLogged >= LOG_EVERY.toNanos()) {
                lastLogged = now;
                LOG.warn("Cannot follow the directory change log; changes made through other instances wait until "
                        + "the store answers ({} rounds failed so far): {}", failedRounds, e.getMessage());
            }
        }
    }

    /** The version this instance's directory is current to, as of the last round. */
    long version() {
        return version.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gatehouse.directory.version", version, AtomicLong::get)
                .description("The directory version (store change log) this instance is current to")
                .register(registry);
        failures = Counter.builder("gatehouse.directory.follow.failures")
                .description("Rounds of following the directory change log that failed (store unavailable)")
                .register(registry);
    }

    /** Stops following: a round under way finishes first (a store read is bounded by its own timeouts). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
