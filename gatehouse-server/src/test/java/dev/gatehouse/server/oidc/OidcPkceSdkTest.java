package dev.gatehouse.server.oidc;

import dev.gatehouse.server.Pkce;
import static dev.gatehouse.server.oidc.OidcFixture.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.oidc.AuthorizationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.UnauthorizedClientException;

/**
 * CreateToken with {@code authorization_code} and PKCE, as the AWS CLI sends it: the code comes
 * from the domain (the /authorize page's side), the rest goes through the stock SDK.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcPkceSdkTest {
    @TempDir
    Path dataDir;
    OidcFixture fx;
    RegisterClientResponse client;
    /** What the CLI puts in /authorize and CreateToken: the registered URI plus its listener's port. */
    final String redirectUri = "http://127.0.0.1:43117/oauth/callback";

    @BeforeEach
    void start() {
        fx = new OidcFixture(dataDir);
        client = fx.registerPkceClient();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** What /authorize does once alice approves: a code bound to this challenge and redirect URI. */
    private String authorize(String verifier) {
        AuthorizationRequest request = fx.service.gatehouse.authorizationCodes().check("code", client.clientId(),
                redirectUri, UUID.randomUUID().toString(), Pkce.s256(verifier), "S256", OidcFixture.SCOPE);
        return fx.service.gatehouse.authorizationCodes().issue(request, fx.service.session("alice"));
    }

    private CreateTokenResponse redeem(String code, String redirect, String verifier) {
        return fx.oidc.createToken(r -> r.grantType("authorization_code").clientId(client.clientId())
                .clientSecret(client.clientSecret()).redirectUri(redirect).codeVerifier(verifier).code(code));
    }

    @Test
    void codeAndVerifierGiveTokensOnce() {
        String verifier = Pkce.newVerifier();
        assertThat(verifier).hasSize(64);
        String code = authorize(verifier);

        CreateTokenResponse tokens = redeem(code, redirectUri, verifier);
        assertThat(tokens.accessToken()).startsWith("ghat_");
        assertThat(tokens.refreshToken()).startsWith("ghrt_");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(fx.sso.listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).hasSize(3);
        // registered for refresh_token too
        assertThat(fx.refresh(client, tokens.refreshToken()).accessToken()).startsWith("ghat_");

        expectError(() -> redeem(code, redirectUri, verifier), InvalidGrantException.class, "invalid_grant");
    }

    @Test
    void aReusedCodeRevokesTheTokensOfItsFirstRedemption() {
        String verifier = Pkce.newVerifier();
        String code = authorize(verifier);
        CreateTokenResponse first = redeem(code, redirectUri, verifier);
        assertThat(fx.sso.listAccounts(r -> r.accessToken(first.accessToken())).accountList()).hasSize(3);

        assertReuseRevokes(code, verifier, first);
    }

    @Test
    void aReusedCodeAlsoRevokesTokensRotatedFromTheFirstRefreshToken() {
        String verifier = Pkce.newVerifier();
        String code = authorize(verifier);
        CreateTokenResponse rotated = fx.refresh(client, redeem(code, redirectUri, verifier).refreshToken());

        assertReuseRevokes(code, verifier, rotated);
    }

    /** The code again: InvalidGrant, and from then on {@code issued}'s access and refresh tokens are refused. */
    private void assertReuseRevokes(String code, String verifier, CreateTokenResponse issued) {
        expectError(() -> redeem(code, redirectUri, verifier), InvalidGrantException.class, "invalid_grant");

        assertThatThrownBy(() -> fx.sso.listAccounts(r -> r.accessToken(issued.accessToken())))
                .isInstanceOf(UnauthorizedException.class);
        expectError(() -> fx.refresh(client, issued.refreshToken()), InvalidGrantException.class, "invalid_grant");
    }

    @Test
    void aWrongVerifierIsAnInvalidGrantAndSpendsTheCode() {
        String verifier = Pkce.newVerifier();
        String code = authorize(verifier);
        expectError(() -> redeem(code, redirectUri, Pkce.newVerifier()), InvalidGrantException.class, "invalid_grant");
        expectError(() -> redeem(code, redirectUri, verifier), InvalidGrantException.class, "invalid_grant");
    }

    @Test
    void aWrongRedirectUriIsAnInvalidGrant() {
        String verifier = Pkce.newVerifier();
        String otherPort = authorize(verifier);
        expectError(() -> redeem(otherPort, "http://127.0.0.1:43118/oauth/callback", verifier),
                InvalidGrantException.class, "invalid_grant");
        String portless = authorize(verifier);
        expectError(() -> redeem(portless, OidcFixture.REGISTERED_REDIRECT, verifier),
                InvalidGrantException.class, "invalid_grant");
    }

    @Test
    void anUnknownCodeIsAnInvalidGrant() {
        String verifier = Pkce.newVerifier();
        String code = authorize(verifier);
        String forged = code.substring(0, code.length() - 4) + (code.endsWith("AAAA") ? "BBBB" : "AAAA");
        expectError(() -> redeem(forged, redirectUri, verifier), InvalidGrantException.class, "invalid_grant");
        expectError(() -> redeem("not-a-code", redirectUri, verifier), InvalidGrantException.class, "invalid_grant");
        assertThat(redeem(code, redirectUri, verifier).accessToken()).startsWith("ghat_");
    }

    @Test
    void aCodeOlderThanFiveMinutesHasExpired() {
        String verifier = Pkce.newVerifier();
        String code = authorize(verifier);
        fx.service.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        expectError(() -> redeem(code, redirectUri, verifier), ExpiredTokenException.class, "expired_token");
    }

    @Test
    void aPkceClientMayNotUseTheDeviceFlow() {
        expectError(() -> fx.start(client), UnauthorizedClientException.class, "unauthorized_client");
        expectError(() -> fx.poll(client, "ghdc_" + "A".repeat(64)), UnauthorizedClientException.class,
                "unauthorized_client");
    }
}
