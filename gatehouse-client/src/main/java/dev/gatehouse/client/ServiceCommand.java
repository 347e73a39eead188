package dev.gatehouse.client;

import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Objects;

/**
 * What every command of both services is: an immutable input, the HTTP request made of it, and
 * the output read from a 2xx response. Each service narrows it to its own sealed family
 * ({@link dev.gatehouse.client.sso.SsoCommand}, {@link dev.gatehouse.client.ssooidc.SsoOidcCommand}),
 * one final class per operation; {@link ServiceClient} sends them. Not meant to be extended
 * outside this library.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract class ServiceCommand<I, O> implements Command<I, O> {
    private final I input;

    protected ServiceCommand(I input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    @Override
    public final I input() {
        return input;
    }

    /** The HTTP request of this input. */
    protected abstract WireRequest request();

    /** The output of a 2xx response. */
    protected abstract O output(WireResponse response);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + input + "]";
    }
}
