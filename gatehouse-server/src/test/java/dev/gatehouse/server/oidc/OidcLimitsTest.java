package dev.gatehouse.server.oidc;

import dev.gatehouse.server.StockSdk;
import static dev.gatehouse.server.oidc.OidcFixture.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import dev.gatehouse.server.http.RequestIds;
import dev.gatehouse.server.limits.LoadShedder;
import dev.gatehouse.server.wire.OidcErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;

/**
 * The guards in front of the OIDC routes answer in the OIDC model: it has no throttling error, so a
 * rate limit or a full service is a SlowDownException (400 slow_down), while the access portal keeps
 * its 429 TooManyRequestsException.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcLimitsTest {
    @TempDir
    Path dataDir;

    @Test
    void thePerAddressLimitIsASlowDownOnOidcAndA429OnThePortal() {
        try (OidcFixture fx = new OidcFixture(dataDir, new Limits(RateLimit.OFF, new RateLimit(3, 1), 1024))) {
            String token = fx.service.signIn("alice");
            SlowDownException slowDown = null;
            for (int i = 0; i < 30 && slowDown == null; i++) {
                try {
                    fx.registerDeviceClient();
                } catch (SlowDownException e) {
                    slowDown = e;
                }
            }
            assertThat(slowDown).as("RegisterClient was throttled").isNotNull();
            SlowDownException thrown = slowDown;
            expectError(() -> { throw thrown; }, SlowDownException.class, "slow_down");
            assertThat(thrown.errorDescription()).contains("address");

            assertThatThrownBy(() -> {
                for (int i = 0; i < 30; i++) {
                    fx.sso.listAccounts(r -> r.accessToken(token));
                }
            }).isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        }
    }

    /** A bare Undertow (a full service cannot be filled deterministically): every request is over the bound. */
    @Test
    void theLoadShedderIsASlowDownOnOidc() {
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(new RequestIds(new LoadShedder(0, new SimpleMeterRegistry().counter("shed"))
                        .guard(exchange -> exchange.setStatusCode(200).endExchange(), OidcErrors.FORMAT)))
                .build();
        undertow.start();
        int port = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
        try (SsoOidcClient oidc = StockSdk.oidc(URI.create("http://127.0.0.1:" + port))) {
            SlowDownException e = expectError(() -> oidc.registerClient(r -> r.clientName("c").clientType("public")),
                    SlowDownException.class, "slow_down");
            assertThat(e.errorDescription()).contains("capacity");
        } finally {
            undertow.stop();
        }
    }
}
