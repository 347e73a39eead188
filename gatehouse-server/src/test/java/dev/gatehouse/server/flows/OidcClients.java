package dev.gatehouse.server.flows;

import dev.gatehouse.server.StockSdk;
import dev.gatehouse.server.TestService;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** The stock SSO OIDC client of the AWS SDK for Java v2, pointed at a {@link TestService}. */
final class OidcClients {
    static final String SCOPE = "sso:account:access";
    static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REGISTERED_REDIRECT = "http://127.0.0.1/oauth/callback";

    private OidcClients() {
    }

    static SsoOidcClient of(TestService service) {
        return StockSdk.oidc(service.baseUrl());
    }
}
