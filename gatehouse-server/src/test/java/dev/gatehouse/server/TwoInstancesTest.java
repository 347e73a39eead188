package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.TestPostgres;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * Two Gatehouse instances, each with its own store and connection pool, on one PostgreSQL: what one
 * instance does is in force on the other at once. Driven with the stock AWS SDKs.
 */
class TwoInstancesTest {
    private static final String SCHEMA = TestPostgres.newSchemaName();
    private static Instance a;
    private static Instance b;

    /** One instance: its own store (pool) and server, the same directory and database. */
    private record Instance(PostgresStore store, Gatehouse gatehouse, GatehouseServer server) implements AutoCloseable {
        static Instance start(Directory directory) {
            PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), SCHEMA);
            Gatehouse gatehouse = Gatehouse.create(directory, store, InstantSource.system());
            return new Instance(store, gatehouse, GatehouseServer.start(gatehouse, ServerSettings.of("127.0.0.1", 0, Limits.DEFAULTS)));
        }

        SsoClient sso() {
            return StockSdk.sso(server.baseUrl());
        }

        SsoOidcClient oidc() {
            return StockSdk.oidc(server.baseUrl());
        }

        @Override
        public void close() {
            server.close();
            store.close();
        }
    }

    @BeforeAll
    static void start() {
        Directory directory = TestDirectory.create();
        a = Instance.start(directory);
        b = Instance.start(directory);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        TestPostgres.dropSchemas(List.of(SCHEMA));
    }

    @Test
    void logoutThroughBIsInForceOnAAtOnce() {
        var alice = a.gatehouse().directory().user("alice").orElseThrow();
        String token = a.gatehouse().tokens().issueAccessToken(a.gatehouse().sessions().start(alice), "test").secret();
        try (SsoClient onA = a.sso(); SsoClient onB = b.sso()) {
            assertThat(onA.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
            assertThat(onB.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
            onB.logout(r -> r.accessToken(token));
            assertThatThrownBy(() -> onA.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void aDeviceCodeStartedOnAIsApprovedAndRedeemedOnBAndRefreshedOnA() {
        try (SsoOidcClient oidcA = a.oidc(); SsoOidcClient oidcB = b.oidc(); SsoClient ssoB = b.sso()) {
            var client = oidcA.registerClient(r -> r.clientName("two-instances").clientType("public"));
            var started = oidcA.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(URI.create(a.server().baseUrl() + "/start").toString()));
            var alice = b.gatehouse().directory().user("alice").orElseThrow();
            b.gatehouse().deviceAuthorizations().approve(started.userCode(), b.gatehouse().sessions().start(alice));

            var tokens = oidcB.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                    .grantType("urn:ietf:params:oauth:grant-type:device_code").deviceCode(started.deviceCode()));
            var refreshed = oidcA.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                    .grantType("refresh_token").refreshToken(tokens.refreshToken()));
            assertThat(ssoB.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(3);
        }
    }
}
