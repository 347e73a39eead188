package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.Command;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Objects;

/**
 * A command of SSO OIDC, sent with {@link SsoOidcClient#send}. One final class per operation; each
 * holds that operation's wire binding (path, JSON members) and reads its response.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract sealed class SsoOidcCommand<I, O> implements Command<I, O>
        permits CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand {
    private final I input;

    SsoOidcCommand(I input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    @Override
    public final I input() {
        return input;
    }

    abstract WireRequest request();

    abstract O output(WireResponse response);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + input + "]";
    }
}
