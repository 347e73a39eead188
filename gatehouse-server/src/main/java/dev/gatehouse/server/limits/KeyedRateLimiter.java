package dev.gatehouse.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.config.RateLimit;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * One Bucket4j token bucket per key (an access token id, a client address). Buckets of keys not seen
 * for a while are dropped, and the number kept is bounded, so that a flood of new keys cannot
 * exhaust memory.
 */
public final class KeyedRateLimiter<K> {
    private static final int MAX_KEYS = 200_000;

    private final RateLimit limit;
    private final Cache<K, Bucket> buckets;

    public KeyedRateLimiter(RateLimit limit) {
        this.limit = limit;
        long secondsToRefill = limit.enabled() ? Math.max(1, limit.capacity() / limit.refillPerSecond()) : 1;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(secondsToRefill + 60))
                .maximumSize(MAX_KEYS)
                .build();
    }

    /** Takes one request's worth from the key's bucket; false when the bucket is empty. */
    public boolean tryAcquire(K key) {
        if (!limit.enabled()) {
            return true;
        }
        return buckets.get(key, k -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
