package dev.gatehouse.client.sso;

import dev.gatehouse.client.Command;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Objects;

/**
 * A command of the access portal, sent with {@link SsoClient#send}. One final class per operation;
 * each holds that operation's whole wire binding (method, path, query names, header) and reads its
 * response, so a newcomer finds "what goes on the wire for GetRoleCredentials" in one file.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract sealed class SsoCommand<I, O> implements Command<I, O>
        permits GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand {
    /** The access token's header; note the underscore. */
    static final String BEARER_TOKEN = "x-amz-sso_bearer_token";

    private final I input;

    SsoCommand(I input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    @Override
    public final I input() {
        return input;
    }

    /** The HTTP request of this input. */
    abstract WireRequest request();

    /** The output of a 2xx response. */
    abstract O output(WireResponse response);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + input + "]";
    }
}
