package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.server.limits.SharedRateLimitBuckets;
import dev.gatehouse.store.postgres.PostgresStore;
import java.net.URI;
import java.time.InstantSource;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * One Gatehouse instance as {@code gatehouse serve --store} runs it: its own connection pool and
 * server on a PostgreSQL schema that other instances may share, rate-limit buckets in the database.
 */
public record PostgresInstance(PostgresStore store, Gatehouse gatehouse, GatehouseServer server) implements AutoCloseable {

    public static PostgresInstance start(String jdbcUrl, String schema, DirectoryFile directory, Limits limits) {
        PostgresStore store = PostgresStore.open(jdbcUrl, schema);
        Gatehouse gatehouse = Gatehouse.create(directory, store, InstantSource.system());
        ServerSettings settings = ServerSettings.of("127.0.0.1", 0, limits)
                .withBuckets(new SharedRateLimitBuckets(store.rateLimitBuckets()));
        return new PostgresInstance(store, gatehouse, GatehouseServer.start(gatehouse, settings));
    }

    public URI base() {
        return server.baseUrl();
    }

    public SsoClient sso() {
        return StockSdk.sso(base());
    }

    public SsoOidcClient oidc() {
        return StockSdk.oidc(base());
    }

    /** A new access token of a fresh sign-in session of {@code userName}. */
    public String accessToken(String userName) {
        var user = gatehouse.directory().user(userName).orElseThrow();
        return gatehouse.tokens().issueAccessToken(gatehouse.sessions().start(user), "test").secret();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
