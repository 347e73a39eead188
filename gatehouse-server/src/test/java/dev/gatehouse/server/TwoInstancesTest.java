package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.store.postgres.TestPostgres;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * Two Gatehouse instances, each with its own store and connection pool, on one PostgreSQL: what one
 * instance does is in force on the other at once. Driven with the stock AWS SDKs.
 */
class TwoInstancesTest {
    private static final String SCHEMA = TestPostgres.newSchemaName();
    private static PostgresInstance a;
    private static PostgresInstance b;

    private static PostgresInstance start(DirectoryFile directory, Limits limits) {
        return PostgresInstance.start(TestPostgres.jdbcUrl(), SCHEMA, directory, limits);
    }

    @BeforeAll
    static void start() {
        DirectoryFile directory = TestDirectory.create();
        a = start(directory, Limits.DEFAULTS);
        b = start(directory, Limits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        TestPostgres.dropSchemas(List.of(SCHEMA));
    }

    @Test
    void logoutThroughBIsInForceOnAAtOnce() {
        String token = a.accessToken("alice");
        try (SsoClient onA = a.sso(); SsoClient onB = b.sso()) {
            assertThat(onA.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
            assertThat(onB.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(3);
            onB.logout(r -> r.accessToken(token));
            assertThatThrownBy(() -> onA.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void eachInstanceServesItsOwnConnectionPoolMetrics() throws Exception {
        for (PostgresInstance instance : List.of(a, b)) {
            assertThat(Scrapes.scrape(instance.base()).body())
                    .contains("hikaricp_connections{pool=\"gatehouse-postgres\"}",
                            "hikaricp_connections_acquire_seconds_count{pool=\"gatehouse-postgres\"}");
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

    @Test
    void anAuthorizationCodeIssuedOnAIsRedeemedOnB() {
        String redirect = "http://127.0.0.1:43117/oauth/callback";
        String verifier = Pkce.newVerifier();
        try (SsoOidcClient oidcA = a.oidc(); SsoOidcClient oidcB = b.oidc(); SsoClient ssoA = a.sso()) {
            var client = oidcA.registerClient(r -> r.clientName("two-instances-pkce").clientType("public")
                    .grantTypes("authorization_code", "refresh_token").redirectUris(redirect)
                    .issuerUrl(a.server().baseUrl() + "/start").scopes("sso:account:access"));
            var alice = a.gatehouse().directory().user("alice").orElseThrow();
            var request = a.gatehouse().authorizationCodes().check("code", client.clientId(), redirect, "state-1",
                    Pkce.s256(verifier), "S256", "sso:account:access");
            String code = a.gatehouse().authorizationCodes().issue(request, a.gatehouse().sessions().start(alice));

            var tokens = oidcB.createToken(r -> r.grantType("authorization_code").clientId(client.clientId())
                    .clientSecret(client.clientSecret()).redirectUri(redirect).codeVerifier(verifier).code(code));
            assertThat(ssoA.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).hasSize(3);
            assertThatThrownBy(() -> oidcA.createToken(r -> r.grantType("authorization_code")
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).redirectUri(redirect)
                    .codeVerifier(verifier).code(code)))
                    .as("spent on B, so spent on A").isInstanceOf(InvalidGrantException.class);
        }
    }

    @Test
    void aBrowserSessionMadeOnAOpensThePortalOnB() throws Exception {
        var signedIn = (SignIn.SignedIn) a.gatehouse().signIn().attempt(
                new SignIn.Attempt("alice", TestDirectory.PASSWORD, null, null, "127.0.0.1"));
        String cookie = "Cookie: gh_session=" + signedIn.browserToken().secret() + "\r\n";
        var portal = RawHttp.exchange(b.base(), "GET /portal HTTP/1.1\r\nHost: x\r\n" + cookie + "Connection: close\r\n\r\n");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).contains("Production");

        a.gatehouse().sessions().end(signedIn.session().id());
        var after = RawHttp.exchange(b.base(), "GET /portal HTTP/1.1\r\nHost: x\r\n" + cookie + "Connection: close\r\n\r\n");
        assertThat(after.status()).as("signed out on A: B sends the browser to sign in").isEqualTo(303);
    }

    @Test
    void failedSignInsOnBothInstancesCountTogether() {
        for (PostgresInstance instance : List.of(a, b, a)) {
            assertThat(instance.gatehouse().signIn().attempt(
                    new SignIn.Attempt("bob", "wrong", null, null, "10.9.8.7"))).isInstanceOf(SignIn.Rejected.class);
        }
        assertThat(b.gatehouse().signIn().attempt(new SignIn.Attempt("bob", "wrong", null, null, "10.9.8.7")))
                .as("three failures, on either instance, start the delay").isInstanceOf(SignIn.Throttled.class);
    }

    @Test
    void aClientSpreadingRequestsOverBothInstancesGetsOneLimit() {
        // 20 requests of burst, 1 more a second: alone, each instance would allow 20, together 40
        Limits tight = new Limits(new RateLimit(20, 1), Limits.DEFAULTS.perAddress(), Limits.DEFAULTS.maxInFlight());
        DirectoryFile directory = TestDirectory.create();
        try (PostgresInstance c = start(directory, tight); PostgresInstance d = start(directory, tight);
             SsoClient onC = StockSdk.sso(c.base(), o -> o.retryPolicy(p -> p.numRetries(0)));
             SsoClient onD = StockSdk.sso(d.base(), o -> o.retryPolicy(p -> p.numRetries(0)))) {
            String token = c.accessToken("alice");
            int accepted = 0;
            int throttled = 0;
            for (int i = 0; i < 40; i++) {
                SsoClient via = i % 2 == 0 ? onC : onD;
                try {
                    via.listAccounts(r -> r.accessToken(token));
                    accepted++;
                } catch (TooManyRequestsException e) {
                    throttled++;
                }
            }
            // each instance may run ahead of the shared bucket by 5% of its capacity (1 request here),
            // and the bucket refills 1 a second while the loop runs
            assertThat(accepted).isBetween(20, 25);
            assertThat(throttled).isEqualTo(40 - accepted);
        }
    }
}
