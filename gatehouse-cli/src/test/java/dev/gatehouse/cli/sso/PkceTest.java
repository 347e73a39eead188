package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void theChallengeIsRfc7636s() {
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifierStateAndAuthorizeUrlAreTheCliS() {
        Pkce pkce = Pkce.generate();
        assertThat(pkce.verifier()).matches("[A-Za-z0-9._~-]{64}");
        assertThat(pkce.challenge()).isEqualTo(Pkce.s256(pkce.verifier()));
        assertThat(pkce.state()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        URI url = pkce.authorizeUrl(URI.create("http://127.0.0.1:8080/some/path"), "client+id",
                "http://127.0.0.1:5555/oauth/callback", List.of("sso:account:access", "openid"));
        assertThat(url.toString()).isEqualTo("http://127.0.0.1:8080/authorize?response_type=code&client_id=client%2Bid"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Foauth%2Fcallback&state=" + pkce.state()
                + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess%20openid&code_challenge=" + pkce.challenge());
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }
}
