package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.aws.ClientRegistration;
import dev.gatehouse.client.Sleeper;
import dev.gatehouse.client.ssooidc.CreateTokenCommand;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.ssooidc.StartDeviceAuthorizationCommand;
import dev.gatehouse.client.ssooidc.model.AccessDeniedException;
import dev.gatehouse.client.ssooidc.model.AuthorizationPendingException;
import dev.gatehouse.client.ssooidc.model.CreateTokenInput;
import dev.gatehouse.client.ssooidc.model.CreateTokenOutput;
import dev.gatehouse.client.ssooidc.model.ExpiredTokenException;
import dev.gatehouse.client.ssooidc.model.SlowDownException;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationInput;
import dev.gatehouse.client.ssooidc.model.StartDeviceAuthorizationOutput;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in with the device code flow, as {@code aws sso login --use-device-code} does it:
 * StartDeviceAuthorization; one CreateToken at once (a pre-approved client needs no prompt); then
 * the URL and the code are shown (and the complete URL opened); then poll — pending: wait the
 * interval; slow down: 5 s more from then on; expired: "pending authorization expired"; denied: fail.
 */
public final class DeviceCodeLogin {
    /** The interval when the service gives none, as in the CLI. */
    static final int DEFAULT_INTERVAL_SECONDS = 5;

    private final SsoOidcClient oidc;
    private final Prompt prompt;
    private final Sleeper sleeper;

    public DeviceCodeLogin(SsoOidcClient oidc, Prompt prompt, Sleeper sleeper) {
        this.oidc = oidc;
        this.prompt = prompt;
        this.sleeper = sleeper;
    }

    public CreateTokenOutput run(ClientRegistration client, String startUrl) throws InterruptedException {
        StartDeviceAuthorizationOutput device = oidc.send(new StartDeviceAuthorizationCommand(
                StartDeviceAuthorizationInput.of(client.clientId(), client.clientSecret(), startUrl)));
        CreateTokenInput poll = CreateTokenInput.deviceCode(client.clientId(), client.clientSecret(), device.deviceCode());
        int interval = device.interval() > 0 ? device.interval() : DEFAULT_INTERVAL_SECONDS;

        Poll first = attempt(poll);
        if (first.tokens().isPresent()) {
            return first.tokens().get();
        }
        interval += first.slowDown() ? 5 : 0;

        prompt.say("Sign in and confirm this code in the browser:");
        prompt.say("");
        prompt.say("    " + device.verificationUri());
        prompt.say("    Code: " + device.userCode());
        prompt.say("");
        if (!prompt.noBrowser()) {
            URI complete = URI.create(device.verificationUriComplete() != null
                    ? device.verificationUriComplete() : device.verificationUri());
            prompt.sendTo(complete, "To sign in");
        }
        prompt.say("Waiting for the code to be confirmed in the browser (Ctrl-C to cancel)...");
        while (true) {
            Poll next = attempt(poll);
            if (next.tokens().isPresent()) {
                return next.tokens().get();
            }
            if (next.slowDown()) {
                interval += 5;
            }
            sleeper.sleep(Duration.ofSeconds(interval));
        }
    }

    private record Poll(Optional<CreateTokenOutput> tokens, boolean slowDown) {
    }

    private Poll attempt(CreateTokenInput poll) {
        try {
            return new Poll(Optional.of(oidc.send(new CreateTokenCommand(poll))), false);
        } catch (AuthorizationPendingException e) {
            return new Poll(Optional.empty(), false);
        } catch (SlowDownException e) {
            return new Poll(Optional.empty(), true);
        } catch (ExpiredTokenException e) {
            throw new CliException("pending authorization expired; run gatehouse login again");
        } catch (AccessDeniedException e) {
            throw new CliException("the sign-in was denied in the browser");
        }
    }
}
