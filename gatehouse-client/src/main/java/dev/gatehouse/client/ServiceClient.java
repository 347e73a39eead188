package dev.gatehouse.client;

import dev.gatehouse.client.internal.ErrorMapper;
import dev.gatehouse.client.internal.HttpTransport;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * What both clients share: one transport (endpoint, HTTP client, retries) and the sending of a
 * command through it, with the service's own error mapping. Each client adds a typed
 * {@code send}/{@code sendAsync} that takes only its service's commands. Thread-safe; close it when
 * done (it closes the HTTP client it built). Not meant to be extended outside this library.
 */
public abstract class ServiceClient implements AutoCloseable {
    private final HttpTransport transport;
    private final ErrorMapper errors;

    protected ServiceClient(HttpTransport transport, ErrorMapper errors) {
        this.transport = transport;
        this.errors = errors;
    }

    /** Sends one command and returns its output, after any retries. */
    protected final <I, O> O execute(ServiceCommand<I, O> command) {
        return transport.execute(command.request(), command::output, errors);
    }

    /** Sends one command without blocking the caller; the future fails with the exceptions of {@link #execute}. */
    protected final <I, O> CompletableFuture<O> executeAsync(ServiceCommand<I, O> command) {
        return transport.executeAsync(command.request(), command::output, errors);
    }

    /** Where this client sends requests. */
    public URI endpoint() {
        return transport.endpoint();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + transport.endpoint() + "]";
    }
}
