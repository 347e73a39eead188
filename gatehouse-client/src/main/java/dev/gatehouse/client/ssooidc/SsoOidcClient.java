package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.ClientBuilder;
import dev.gatehouse.client.ServiceClient;
import dev.gatehouse.client.internal.HttpTransport;
import java.util.concurrent.CompletableFuture;

/**
 * SSO OIDC (service {@code sso-oidc}), one command per operation — the device flow:
 * <pre>{@code
 * try (SsoOidcClient oidc = SsoOidcClient.builder()
 *         .endpointOverride(URI.create("http://127.0.0.1:8080"))   // or just .region("eu-west-1") for AWS
 *         .build()) {
 *     RegisterClientOutput client = oidc.send(new RegisterClientCommand(
 *             RegisterClientInput.forDeviceFlow("my-tool", List.of("sso:account:access"))));
 *     StartDeviceAuthorizationOutput device = oidc.send(new StartDeviceAuthorizationCommand(
 *             StartDeviceAuthorizationInput.of(client, "http://127.0.0.1:8080/start")));
 *     System.out.println("Open " + device.verificationUriComplete() + " and confirm " + device.userCode());
 *     int interval = Math.max(1, device.interval());
 *     CreateTokenOutput tokens = null;
 *     while (tokens == null) {
 *         try {
 *             tokens = oidc.send(new CreateTokenCommand(
 *                     CreateTokenInput.deviceCode(client.clientId(), client.clientSecret(), device.deviceCode())));
 *         } catch (AuthorizationPendingException e) {
 *             Thread.sleep(Duration.ofSeconds(interval));
 *         } catch (SlowDownException e) {
 *             interval += 5;
 *             Thread.sleep(Duration.ofSeconds(interval));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Operations: {@link RegisterClientCommand}, {@link StartDeviceAuthorizationCommand},
 * {@link CreateTokenCommand}. Errors are {@link dev.gatehouse.client.ssooidc.model.SsoOidcServiceException}
 * and its subclasses, one per modeled error; {@code SlowDownException} is never retried by the client.
 * Without an endpoint override the client talks to {@code https://oidc.{region}.amazonaws.com}.
 * Calls are unsigned. Thread-safe; close it when done.
 */
public final class SsoOidcClient extends ServiceClient {
    /** The service's endpoint prefix: {@code https://oidc.{region}.amazonaws.com}. */
    public static final String ENDPOINT_PREFIX = "oidc";

    private SsoOidcClient(HttpTransport transport) {
        super(transport, SsoOidcErrors::toException);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends one command and returns its output, after any retries. */
    public <I, O> O send(SsoOidcCommand<I, O> command) {
        return execute(command);
    }

    /** Sends one command without blocking the caller; the future fails with the exceptions of {@link #send}. */
    public <I, O> CompletableFuture<O> sendAsync(SsoOidcCommand<I, O> command) {
        return executeAsync(command);
    }

    /** Builds an {@link SsoOidcClient}; see {@link ClientBuilder} for the settings. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
        }

        public SsoOidcClient build() {
            return new SsoOidcClient(transport("SsoOidcClient", ENDPOINT_PREFIX));
        }
    }
}
