package dev.gatehouse.server.oidc;

import dev.gatehouse.server.Pkce;
import static dev.gatehouse.server.oidc.OidcFixture.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientMetadataException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRedirectUriException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRequestException;
import software.amazon.awssdk.services.ssooidc.model.InvalidScopeException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.UnauthorizedClientException;
import software.amazon.awssdk.services.ssooidc.model.UnsupportedGrantTypeException;

/** Every SSO OIDC error the service raises arrives as the SDK's own exception class. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OidcErrorsSdkTest {
    @TempDir
    Path dataDir;
    OidcFixture fx;
    RegisterClientResponse client;

    @BeforeEach
    void start() {
        fx = new OidcFixture(dataDir);
        client = fx.registerDeviceClient();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aWrongClientSecretIsInvalidClient401() {
        String wrong = "ghcs_" + "A".repeat(64);
        expectError(() -> fx.oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(wrong).refreshToken("ghrt_x")), InvalidClientException.class, 401, "invalid_client");
        expectError(() -> fx.oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(wrong)
                .startUrl(fx.base() + "/start")), InvalidClientException.class, 401, "invalid_client");
        expectError(() -> fx.oidc.createToken(r -> r.grantType(OidcFixture.DEVICE_CODE).clientId("unknown-client")
                .clientSecret(client.clientSecret()).deviceCode("x")), InvalidClientException.class, 401, "invalid_client");
    }

    @Test
    void registerClientRejectsWhatItCannotServe() {
        expectError(() -> fx.oidc.registerClient(r -> r.clientName("c").clientType("public")
                        .grantTypes("authorization_code").redirectUris("http://example.com/cb")),
                InvalidRedirectUriException.class, "invalid_redirect_uri");
        expectError(() -> fx.oidc.registerClient(r -> r.clientName("c").clientType("confidential")),
                InvalidClientMetadataException.class, "invalid_client_metadata");
        expectError(() -> fx.oidc.registerClient(r -> r.clientName("c").clientType("public").grantTypes("password")),
                UnsupportedGrantTypeException.class, "unsupported_grant_type");
        expectError(() -> fx.oidc.registerClient(r -> r.clientName("c").clientType("public").scopes("bad scope")),
                InvalidScopeException.class, "invalid_scope");
        expectError(() -> fx.oidc.registerClient(r -> r.clientName("c").clientType("public")
                        .grantTypes("authorization_code")),
                InvalidClientMetadataException.class, "invalid_client_metadata");
        InvalidRequestException noName = expectError(() -> fx.oidc.registerClient(r -> r.clientType("public")),
                InvalidRequestException.class, "invalid_request");
        assertThat(noName.errorDescription()).contains("clientName");
    }

    @Test
    void createTokenChecksTheGrantType() {
        expectError(() -> fx.oidc.createToken(r -> r.grantType("password").clientId(client.clientId())
                .clientSecret(client.clientSecret())), UnsupportedGrantTypeException.class, "unsupported_grant_type");
        InvalidRequestException missing = expectError(() -> fx.oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).deviceCode("x")), InvalidRequestException.class, "invalid_request");
        assertThat(missing.errorDescription()).contains("grantType");
        // registered without grant types (the device flow): no authorization_code
        expectError(() -> fx.oidc.createToken(r -> r.grantType("authorization_code").clientId(client.clientId())
                        .clientSecret(client.clientSecret()).code("ghac_x")
                        .redirectUri("http://127.0.0.1:5000/oauth/callback").codeVerifier(Pkce.newVerifier())),
                UnauthorizedClientException.class, "unauthorized_client");
    }

    @Test
    void missingMembersAreInvalidRequestsNamingThem() {
        InvalidRequestException noStartUrl = expectError(() -> fx.oidc.startDeviceAuthorization(r -> r
                .clientId(client.clientId()).clientSecret(client.clientSecret())),
                InvalidRequestException.class, "invalid_request");
        assertThat(noStartUrl.errorDescription()).contains("startUrl");

        InvalidRequestException noDeviceCode = expectError(() -> fx.oidc.createToken(r -> r
                .grantType(OidcFixture.DEVICE_CODE).clientId(client.clientId()).clientSecret(client.clientSecret())),
                InvalidRequestException.class, "invalid_request");
        assertThat(noDeviceCode.errorDescription()).contains("deviceCode");

        InvalidRequestException noRefreshToken = expectError(() -> fx.oidc.createToken(r -> r
                .grantType("refresh_token").clientId(client.clientId()).clientSecret(client.clientSecret())),
                InvalidRequestException.class, "invalid_request");
        assertThat(noRefreshToken.errorDescription()).contains("refreshToken");

        InvalidRequestException noSecret = expectError(() -> fx.oidc.createToken(r -> r
                .grantType("refresh_token").clientId(client.clientId()).refreshToken("ghrt_x")),
                InvalidRequestException.class, "invalid_request");
        assertThat(noSecret.errorDescription()).contains("clientSecret");
    }
}
