package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.aws.ClientRegistration;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.ExpiredTokenException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sign-in with the authorization code flow and PKCE, as {@code aws sso login} does it for an
 * sso-session: a loopback listener on a free port, the browser at {@code /authorize} with the S256
 * challenge and a random state, the redirect back to the listener (at most {@code timeout}), the
 * state checked, then CreateToken with the code, the with-port redirect URI and the verifier.
 */
public final class PkceLogin {
    private final SsoOidcClient oidc;
    private final URI oidcEndpoint;
    private final Prompt prompt;
    private final Duration timeout;

    public PkceLogin(SsoOidcClient oidc, URI oidcEndpoint, Prompt prompt, Duration timeout) {
        this.oidc = oidc;
        this.oidcEndpoint = oidcEndpoint;
        this.prompt = prompt;
        this.timeout = timeout;
    }

    public CreateTokenOutput run(ClientRegistration client, List<String> scopes) throws IOException, InterruptedException {
        Pkce pkce = Pkce.generate();
        try (LoopbackListener listener = LoopbackListener.start()) {
            URI authorize = pkce.authorizeUrl(oidcEndpoint, client.clientId(), listener.redirectUri(), scopes);
            prompt.sendTo(authorize, "To sign in");
            prompt.say("Waiting for the sign-in to finish in the browser (Ctrl-C to cancel)...");
            Map<String, String> callback = listener.awaitCallback(timeout).orElseThrow(() -> new CliException(
                    "gave up waiting for the browser sign-in after " + timeout.toMinutes() + " minutes; run gatehouse login again"));
            if (callback.containsKey("error")) {
                throw new CliException("Failed to retrieve an authorization code: " + callback.get("error")
                        + (callback.containsKey("error_description") ? " (" + callback.get("error_description") + ")" : ""));
            }
            if (!pkce.state().equals(callback.get("state"))) {
                throw new CliException("the browser came back with a different state than this sign-in sent: "
                        + "ignored (was another sign-in running?); run gatehouse login again");
            }
            String code = callback.get("code");
            if (code == null || code.isEmpty()) {
                throw new CliException("Failed to retrieve an authorization code: the redirect carried none");
            }
            try {
                return oidc.send(new CreateTokenCommand(CreateTokenInput.authorizationCode(client.clientId(),
                        client.clientSecret(), code, listener.redirectUri(), pkce.verifier())));
            } catch (ExpiredTokenException e) {
                throw new CliException("pending authorization expired; run gatehouse login again");
            }
        }
    }
}
