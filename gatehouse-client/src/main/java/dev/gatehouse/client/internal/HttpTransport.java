package dev.gatehouse.client.internal;

import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.RetryPolicy;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Sends an operation's request to one endpoint with the JDK's {@link HttpClient}, retrying as the
 * {@link RetryPolicy} says, and hands back the operation's output or throws the service's typed
 * exception (or a {@link GatehouseClientException} when there was no answer to read). Logs only the
 * operation, status, error code and request id at DEBUG — never headers or bodies, which carry
 * tokens and secrets.
 */
public final class HttpTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final String USER_AGENT = "gatehouse-client/0.1 java/" + Runtime.version().feature();

    private final URI endpoint;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Executor async;
    private final ExecutorService ownedAsync;
    private final RequestSigner signer;

    /**
     * @param ownsHttp   whether {@link #close()} closes {@code http} (it was built for this client)
     * @param ownedAsync closed by {@link #close()}; null when {@code async} belongs to the caller
     */
    public HttpTransport(URI endpoint, HttpClient http, boolean ownsHttp, Duration requestTimeout, RetryPolicy retry,
                         Executor async, ExecutorService ownedAsync) {
        this(endpoint, http, ownsHttp, requestTimeout, retry, async, ownedAsync, RequestSigner.NONE);
    }

    /** @param signer signs each attempt just before it is sent */
    public HttpTransport(URI endpoint, HttpClient http, boolean ownsHttp, Duration requestTimeout, RetryPolicy retry,
                         Executor async, ExecutorService ownedAsync, RequestSigner signer) {
        this.signer = signer;
        this.endpoint = endpoint;
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.async = async;
        this.ownedAsync = ownedAsync;
    }

    public URI endpoint() {
        return endpoint;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * Sends the request until it succeeds, fails in a way not worth retrying, or the attempts run out.
     *
     * @param output reads a 2xx response into the operation's output
     */
    public <O> O execute(WireRequest request, Function<WireResponse, O> output, ErrorMapper errors) {
        String invocationId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            WireResponse response;
            try {
                response = send(request, invocationId, attempt);
            } catch (IOException e) {
                boolean retryable = RetryRules.isRetryable(e, request.retrySafe());
                if (retryable && attempt < retry.maxAttempts()) {
                    Duration delay = retry.backoff(attempt);
                    log(request, attempt, e.getClass().getSimpleName(), null, delay);
                    sleep(delay, request, attempt);
                    continue;
                }
                throw new GatehouseClientException(request.operation() + " failed: could not reach " + endpoint
                        + " (" + describe(e) + ")" + (attempt > 1 ? " after " + attempt + " attempts" : ""), e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatehouseClientException(request.operation() + " was interrupted", e, attempt);
            }
            if (response.isSuccess()) {
                try {
                    return output.apply(response);
                } catch (WireFormatException e) {
                    throw new GatehouseClientException(request.operation() + ": the service answered "
                            + response.status() + " but " + e.getMessage() + " (request id " + response.requestId() + ")",
                            e, attempt);
                }
            }
            AwsError error = AwsError.parse(response);
            if (attempt < retry.maxAttempts() && RetryRules.isRetryable(error)) {
                Optional<Duration> delay = retry.delayBeforeRetry(attempt,
                        RetryRules.retryAfter(response.header("Retry-After"), retry.clock()));
                if (delay.isPresent()) {
                    log(request, attempt, String.valueOf(error.status()), error, delay.get());
                    sleep(delay.get(), request, attempt);
                    continue;
                }
            }
            throw errors.toException(error, attempt);
        }
    }

    /** {@link #execute} on the client's executor (virtual threads unless the builder was given one). */
    public <O> CompletableFuture<O> executeAsync(WireRequest request, Function<WireResponse, O> output,
                                                 ErrorMapper errors) {
        return CompletableFuture.supplyAsync(() -> execute(request, output, errors), async);
    }

    private WireResponse send(WireRequest request, String invocationId, int attempt)
            throws IOException, InterruptedException {
        URI uri = request.uriOn(endpoint);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .header("amz-sdk-invocation-id", invocationId)
                .header("amz-sdk-request", "attempt=" + attempt + "; max=" + retry.maxAttempts());
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            http.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain http
        }
        request.headers().forEach(http::header);
        byte[] body = request.body();
        signer.headersFor(request.method(), uri, request.headers(), body).forEach(http::header);
        http.method(request.method(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new WireResponse(response.statusCode(), response.headers(), response.body());
    }

    private void sleep(Duration delay, WireRequest request, int attempt) {
        try {
            retry.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatehouseClientException(request.operation() + " was interrupted while waiting to retry",
                    e, attempt);
        }
    }

    private void log(WireRequest request, int attempt, String failure, AwsError error, Duration delay) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "{0} attempt {1} of {2} failed ({3}{4}{5}); retrying in {6} ms",
                    request.operation(), attempt, retry.maxAttempts(), failure,
                    error == null || error.code() == null ? "" : " " + error.code(),
                    error == null || error.requestId() == null ? "" : ", request id " + error.requestId(),
                    delay.toMillis());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        if (ownedAsync != null) {
            ownedAsync.shutdown();
        }
        if (ownsHttp) {
            http.close();
        }
    }
}
