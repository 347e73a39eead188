package dev.gatehouse.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.server.pages.SignInVia.Via;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sign-in is for, read from its {@code next}, over a real client registry and device authorizations. */
class SignInViaTest {
    private final MutableClock clock = MutableClock.atNow();
    private final InMemoryStore store = new InMemoryStore();
    private final ClientRegistry clients = new ClientRegistry(store, clock);
    private final DeviceAuthorizations devices = new DeviceAuthorizations(store, clock);
    private final SignInVia via = new SignInVia(devices, clients);
    private final RegisteredClient laptop = clients.register(new ClientRegistry.Request("botocore-client-laptop", "public",
            List.of("sso:account:access"), List.of("http://127.0.0.1/oauth/callback"),
            List.of("authorization_code", "refresh_token"))).client();

    @Test
    void aDeviceLinkWithItsUserCodeNamesTheClientThatStartedIt() {
        String userCode = devices.start(laptop, "https://sso.example/start").userCode();
        assertThat(via.of("/device?user_code=" + userCode)).isEqualTo(new Via(SignInMethod.DEVICE_CODE, "botocore-client-laptop"));
        // as the sign-in page gets it back from the device page: the code percent-encoded, any case, without its dash
        assertThat(via.of("/device?x=1&user_code=" + URLEncoder.encode(userCode.toLowerCase().replace("-", ""),
                StandardCharsets.UTF_8))).isEqualTo(new Via(SignInMethod.DEVICE_CODE, "botocore-client-laptop"));
    }

    @Test
    void aDeviceLinkWithoutAKnownPendingCodeIsADeviceSignInOfNoNamedClient() {
        assertThat(via.of("/device")).isEqualTo(new Via(SignInMethod.DEVICE_CODE, null));
        assertThat(via.of("/device?user_code=BCDF-GHJK")).isEqualTo(new Via(SignInMethod.DEVICE_CODE, null));
        assertThat(via.of("/device?user_code=%zz")).isEqualTo(new Via(SignInMethod.DEVICE_CODE, null));
        String userCode = devices.start(laptop, "https://sso.example/start").userCode();
        clock.advance(DeviceAuthorizations.LIFETIME);
        assertThat(via.of("/device?user_code=" + userCode)).as("expired").isEqualTo(new Via(SignInMethod.DEVICE_CODE, null));
    }

    @Test
    void anAuthorizeLinkNamesTheRegisteredClientOfItsClientId() {
        assertThat(via.of("/authorize?response_type=code&client_id=" + laptop.clientId() + "&state=s"))
                .isEqualTo(new Via(SignInMethod.PKCE, "botocore-client-laptop"));
        assertThat(via.of("/authorize?client_id=unknown")).isEqualTo(new Via(SignInMethod.PKCE, null));
        assertThat(via.of("/authorize")).isEqualTo(new Via(SignInMethod.PKCE, null));
    }

    @Test
    void anythingElseIsTheBrowserItself() {
        assertThat(via.of("/portal")).isEqualTo(Via.BROWSER);
        assertThat(via.of("/portal/sessions")).isEqualTo(Via.BROWSER);
        assertThat(via.of("/devices?user_code=x")).isEqualTo(Via.BROWSER);
        assertThat(via.of("/authorize/x?client_id=" + laptop.clientId())).isEqualTo(Via.BROWSER);
    }
}
