package dev.gatehouse.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the token buckets of the rate limits live: in this process, or shared by every instance. */
public interface RateLimitBuckets {

    /** The bucket under {@code key}, made with {@code configuration} if it does not exist yet. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** True when taking from a bucket may wait for the network, so it must not run on an I/O thread. */
    boolean mayBlock();

    /** Buckets in this process's memory: each instance limits on its own. */
    static RateLimitBuckets local() {
        return new RateLimitBuckets() {
            @Override
            public Bucket bucket(String key, BucketConfiguration configuration) {
                return Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
            }

            @Override
            public boolean mayBlock() {
                return false;
            }
        };
    }
}
