package dev.gatehouse.client;

import dev.gatehouse.client.internal.Endpoints;
import dev.gatehouse.client.internal.HttpTransport;
import dev.gatehouse.client.internal.RequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The settings both clients share. Either a region (the client then talks to the AWS endpoint of
 * that region) or an endpoint override (any Gatehouse, or a proxy) is required; with both, the
 * override wins. The settings are checked when {@code build()} is called, and a wrong one fails
 * with a message that says what to change.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private String region;
    private URI endpointOverride;
    private Duration connectTimeout;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpClient httpClient;
    private Executor asyncExecutor;

    protected ClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The AWS region, for example {@code us-east-1}: picks the default endpoint. */
    public B region(String region) {
        this.region = region;
        return self();
    }

    /** Where to send requests instead of the AWS endpoint, for example {@code http://127.0.0.1:8080}. */
    public B endpointOverride(URI endpointOverride) {
        this.endpointOverride = endpointOverride;
        return self();
    }

    /** How long to wait for a connection (default 5 s); not with {@link #httpClient}, which has its own. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        return self();
    }

    /** How long one attempt may wait for its response (default 30 s). */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        return self();
    }

    /** How to retry (default {@link RetryPolicy#defaults()}: 3 attempts, exponential backoff with full jitter). */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /** Shorthand for the current retry policy with this many attempts in all (1: no retries). */
    public B maxAttempts(int maxAttempts) {
        this.retryPolicy = retryPolicy.toBuilder().maxAttempts(maxAttempts).build();
        return self();
    }

    /**
     * An HTTP client of your own (proxy, TLS, executor settings). The client then does not close it;
     * without one, each client builds and closes its own.
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /** Where {@code sendAsync} runs calls; default a virtual thread per call. */
    public B asyncExecutor(Executor asyncExecutor) {
        this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor");
        return self();
    }

    /**
     * Checks the settings and makes the transport of a client.
     *
     * @param clientName     for messages, for example {@code SsoClient}
     * @param endpointPrefix the service's AWS endpoint prefix, for example {@code portal.sso}
     */
    protected final HttpTransport transport(String clientName, String endpointPrefix) {
        return transport(clientName, endpointPrefix, RequestSigner.NONE);
    }

    /** The region given to {@link #region}, or null. */
    protected final String configuredRegion() {
        return region;
    }

    /** The endpoint given to {@link #endpointOverride}, or null. */
    protected final URI configuredEndpoint() {
        return endpointOverride;
    }

    /** {@link #transport(String, String)} for a client whose requests are signed by {@code signer}. */
    protected final HttpTransport transport(String clientName, String endpointPrefix, RequestSigner signer) {
        URI endpoint;
        if (endpointOverride != null) {
            endpoint = Endpoints.checkOverride(endpointOverride);
            if (region != null) {
                Endpoints.checkRegion(region);
            }
        } else if (region != null) {
            endpoint = Endpoints.forRegion(endpointPrefix, region);
        } else {
            throw new IllegalStateException(clientName + " needs a region (for the AWS endpoint, e.g. region(\"us-east-1\")) "
                    + "or an endpointOverride (e.g. endpointOverride(URI.create(\"http://127.0.0.1:8080\")))");
        }
        positive("requestTimeout", requestTimeout);
        if (httpClient != null && connectTimeout != null) {
            throw new IllegalStateException("connectTimeout cannot be applied to a given httpClient: "
                    + "set it on that HttpClient's builder instead");
        }
        HttpClient http = httpClient;
        if (http == null) {
            Duration connect = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : positive("connectTimeout", connectTimeout);
            http = HttpClient.newBuilder()
                    .connectTimeout(connect)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        ExecutorService ownedAsync = asyncExecutor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
        return new HttpTransport(endpoint, http, httpClient == null, requestTimeout, retryPolicy,
                asyncExecutor == null ? ownedAsync : asyncExecutor, ownedAsync, signer);
    }

    private static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }
}
