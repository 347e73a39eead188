package dev.gatehouse.server.oidc;

import dev.gatehouse.server.StockSdk;
import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.server.TestService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * A {@link TestService} with the stock SSO OIDC and SSO clients of the AWS SDK for Java v2 pointed
 * at it, and the client-side steps of the device and PKCE flows, made as the AWS CLI makes them.
 */
public final class OidcFixture implements AutoCloseable {
    static final String SCOPE = "sso:account:access";
    static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REGISTERED_REDIRECT = "http://127.0.0.1/oauth/callback";

    public final TestService service;
    public final SsoOidcClient oidc;
    public final SsoClient sso;

    public OidcFixture(Path dataDir) {
        this(dataDir, Limits.DEFAULTS);
    }

    OidcFixture(Path dataDir, Limits limits) {
        service = new TestService(dataDir, limits);
        oidc = StockSdk.oidc(service.baseUrl());
        sso = service.sdkClientWithoutRetries();
    }

    /** The base URL as the SDK reaches it (its Host header). */
    String base() {
        return service.baseUrl().toString();
    }

    /** RegisterClient as the CLI's device flow sends it: no grant types, no redirect URIs. */
    public RegisterClientResponse registerDeviceClient() {
        return oidc.registerClient(r -> r.clientName("botocore-client-test").clientType("public").scopes(SCOPE));
    }

    /** RegisterClient as the CLI's PKCE flow sends it. */
    RegisterClientResponse registerPkceClient() {
        return oidc.registerClient(r -> r.clientName("botocore-client-pkce").clientType("public")
                .grantTypes("authorization_code", "refresh_token").redirectUris(REGISTERED_REDIRECT)
                .issuerUrl(base() + "/start").scopes(SCOPE));
    }

    StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(base() + "/start"));
    }

    CreateTokenResponse poll(RegisterClientResponse client, String deviceCode) {
        return oidc.createToken(r -> r.grantType(DEVICE_CODE).clientId(client.clientId())
                .clientSecret(client.clientSecret()).deviceCode(deviceCode));
    }

    /** The whole device flow, the person approving as {@code userName} in a new sign-in session. */
    CreateTokenResponse deviceSignIn(RegisterClientResponse client, String userName) {
        return deviceSignIn(client, service.session(userName));
    }

    public CreateTokenResponse deviceSignIn(RegisterClientResponse client, SignInSession session) {
        StartDeviceAuthorizationResponse started = start(client);
        service.gatehouse.deviceAuthorizations().approve(started.userCode(), session);
        return poll(client, started.deviceCode());
    }

    public CreateTokenResponse refresh(RegisterClientResponse client, String refreshToken) {
        return oidc.createToken(r -> r.grantType("refresh_token").clientId(client.clientId())
                .clientSecret(client.clientSecret()).refreshToken(refreshToken));
    }


    /**
     * Runs {@code call}, which must fail with the SDK's own exception class {@code type}, and checks
     * the rest of the error as the SDK parsed it: status, error type (the part of x-amzn-ErrorType
     * before the colon), the OAuth {@code error} and a non-blank {@code error_description}.
     */
    static <E extends SsoOidcException> E expectError(ThrowingCallable call, Class<E> type, int status, String error) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        assertThat(e.requestId()).isNotBlank();
        if (status == 401) {
            // HttpURLConnection (under UrlConnectionHttpClient) drops the body of a 401 to a streamed
            // request, so the SDK sees only the status and the header; OidcWireHttpTest checks the body
            return e;
        }
        assertThat(member(e, "error")).isEqualTo(error);
        assertThat(member(e, "error_description")).isNotBlank();
        return e;
    }

    static <E extends SsoOidcException> E expectError(ThrowingCallable call, Class<E> type, String error) {
        return expectError(call, type, 400, error);
    }

    /**
     * A modeled member of the error, such as {@code error} or {@code error_description}, as the SDK
     * unmarshalled it (the accessors are generated on each exception class, not on the base).
     */
    static String member(SsoOidcException e, String member) {
        return e.sdkFields().stream().filter(f -> f.locationName().equals(member)).findFirst()
                .map(f -> (String) f.getValueOrDefault(e))
                .orElseThrow(() -> new AssertionError(e.getClass().getSimpleName() + " has no member " + member));
    }

    @Override
    public void close() {
        oidc.close();
        sso.close();
        service.close();
    }
}
