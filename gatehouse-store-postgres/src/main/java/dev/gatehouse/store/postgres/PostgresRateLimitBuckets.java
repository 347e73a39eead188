package dev.gatehouse.store.postgres;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The API rate limits' token buckets in PostgreSQL (table {@code rate_limit_buckets}), through
 * Bucket4j's own JDBC support, so that every instance on the database takes from the same buckets.
 * A bucket's row is kept while it refills and a minute more; the purge drops idle ones.
 */
final class PostgresRateLimitBuckets {
    private static final Duration KEPT_AFTER_FULL = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 10_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    PostgresRateLimitBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_FULL))
                .build();
    }

    ProxyManager<String> proxyManager() {
        return buckets;
    }

    /** Drops buckets idle long enough to be full again; returns how many. */
    long purgeIdle() {
        long total = 0;
        int removed;
        do {
            removed = buckets.removeExpired(PURGE_BATCH);
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }
}
