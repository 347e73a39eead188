package dev.gatehouse.client.support;

import dev.gatehouse.client.RetryPolicy;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.RegisterClientCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.RegisterClientInput;
import dev.gatehouse.client.ssooidc.model.RegisterClientOutput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import dev.gatehouse.config.Limits;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Gatehouse ({@link TestService}: RocksDB in a temp dir, a clock the test moves) with this
 * library's two clients pointed at it, through a {@link CountingHttpClient} and a sleeper that
 * records instead of sleeping.
 */
public final class Fixture implements AutoCloseable {
    public static final String SCOPE = "sso:account:access";

    public final TestService service;
    public final CountingHttpClient http = new CountingHttpClient();
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final SsoClient sso;
    public final SsoOidcClient oidc;

    public Fixture(Path dataDir) {
        this(dataDir, Limits.DEFAULTS);
    }

    public Fixture(Path dataDir, Limits limits) {
        service = new TestService(dataDir, limits);
        RetryPolicy retry = RetryPolicy.builder().sleeper(sleeper).build();
        sso = SsoClient.builder().region("us-east-1").endpointOverride(service.baseUrl())
                .httpClient(http).retryPolicy(retry).build();
        oidc = SsoOidcClient.builder().region("us-east-1").endpointOverride(service.baseUrl())
                .httpClient(http).retryPolicy(retry).build();
    }

    public String startUrl() {
        return service.baseUrl() + "/start";
    }

    public RegisterClientOutput registerDeviceClient() {
        return oidc.send(new RegisterClientCommand(RegisterClientInput.forDeviceFlow("gatehouse-client-test", List.of(SCOPE))));
    }

    public StartDeviceAuthorizationOutput start(RegisterClientOutput client) {
        return oidc.send(new StartDeviceAuthorizationCommand(StartDeviceAuthorizationInput.of(client, startUrl())));
    }

    public CreateTokenOutput poll(RegisterClientOutput client, String deviceCode) {
        return oidc.send(new CreateTokenCommand(CreateTokenInput.deviceCode(client.clientId(), client.clientSecret(), deviceCode)));
    }

    public CreateTokenOutput refresh(RegisterClientOutput client, String refreshToken) {
        return oidc.send(new CreateTokenCommand(
                CreateTokenInput.refreshToken(client.clientId(), client.clientSecret(), refreshToken)));
    }

    /** The whole device flow, approved in the domain by a new sign-in session of {@code userName}. */
    public CreateTokenOutput deviceSignIn(RegisterClientOutput client, String userName) {
        StartDeviceAuthorizationOutput started = start(client);
        service.gatehouse.deviceAuthorizations().approve(started.userCode(), service.session(userName));
        return poll(client, started.deviceCode());
    }

    @Override
    public void close() {
        sso.close();
        oidc.close();
        http.close();
        service.close();
    }
}
