package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.ServiceCommand;

/**
 * A command of SSO OIDC, sent with {@link SsoOidcClient#send}. One final class per operation; each
 * holds that operation's wire binding (path, JSON members) and reads its response.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract sealed class SsoOidcCommand<I, O> extends ServiceCommand<I, O>
        permits CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand {
    SsoOidcCommand(I input) {
        super(input);
    }
}
