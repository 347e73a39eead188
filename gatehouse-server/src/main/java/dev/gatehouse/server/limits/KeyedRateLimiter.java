package dev.gatehouse.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.config.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bucket4j token bucket per key (an access token id, a client address), in this process or in
 * a shared store ({@link RateLimitBuckets}). The handles of keys not seen for a while are dropped,
 * and the number kept is bounded, so that a flood of new keys cannot exhaust memory.
 *
 * <p>When shared buckets cannot be reached, requests are let through (and a warning logged): the
 * limit protects the service, and a store that is down already fails the requests that need it.
 */
public final class KeyedRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedRateLimiter.class);
    private static final int MAX_KEYS = 200_000;
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final String name;
    private final RateLimit limit;
    private final RateLimitBuckets buckets;
    private final BucketConfiguration configuration;
    private final Cache<String, Bucket> handles;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /** {@code name} sets this limit's keys apart from other limits' in a shared store. */
    public KeyedRateLimiter(String name, RateLimit limit, RateLimitBuckets buckets) {
        this.name = name;
        this.limit = limit;
        this.buckets = buckets;
        this.configuration = limit.enabled()
                ? BucketConfiguration.builder()
                        .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                                .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)))
                        .build()
                : null;
        long secondsToRefill = limit.enabled() ? Math.max(1, limit.capacity() / limit.refillPerSecond()) : 1;
        this.handles = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(secondsToRefill + 60))
                .maximumSize(MAX_KEYS)
                .build();
    }

    /** Takes one request's worth from the key's bucket; false when the bucket is empty. */
    public boolean tryAcquire(String key) {
        if (!limit.enabled()) {
            return true;
        }
        try {
            return handles.get(key, k -> buckets.bucket(name + ":" + k, configuration)).tryConsume(1);
        } catch (RuntimeException e) {
            warnNowAndThen(e);
            return true;
        }
    }

    /** True when a check may wait for the network (shared buckets): keep it off the I/O threads. */
    public boolean mayBlock() {
        return limit.enabled() && buckets.mayBlock();
    }

    private void warnNowAndThen(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("The {} rate limit's shared buckets are unreachable; letting requests through: {}", name,
                    e.toString());
        }
    }
}
