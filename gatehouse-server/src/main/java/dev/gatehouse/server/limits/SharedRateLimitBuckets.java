package dev.gatehouse.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;

/**
 * Buckets kept in a store every instance reaches (Bucket4j's {@link ProxyManager}, e.g. on
 * PostgreSQL), so that a client spreading its requests over instances gets no more than from one.
 *
 * <p>Going to the store on every request would cost a transaction per request, so each instance
 * takes up to {@value #UNSYNCHRONIZED_PERCENT}% of a bucket's capacity on its own before it settles
 * with the store, and at least every five seconds while the key is in use. A client can
 * therefore get at most that share of the capacity more per instance than the limit allows.
 */
public final class SharedRateLimitBuckets implements RateLimitBuckets {
    static final int UNSYNCHRONIZED_PERCENT = 5;
    static final Duration MAX_UNSYNCHRONIZED = Duration.ofSeconds(5);

    private final ProxyManager<String> store;

    public SharedRateLimitBuckets(ProxyManager<String> store) {
        this.store = store;
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        long capacity = configuration.getBandwidths()[0].getCapacity();
        long unsynchronized = capacity * UNSYNCHRONIZED_PERCENT / 100;
        return store.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, MAX_UNSYNCHRONIZED)))
                .build(key, () -> configuration);
    }

    @Override
    public boolean mayBlock() {
        return true;
    }
}
