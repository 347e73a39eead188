package dev.gatehouse.server.http;

import dev.gatehouse.domain.audit.RequestOrigin;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Where a request came from, as the domain's audit trail and its session and token records take it
 * ({@link RequestOrigin}): the request id {@link RequestIds} gave it, the client's address as the
 * limits see it ({@link ClientAddresses}: the forwarded one only behind a trusted proxy) and its
 * User-Agent. The dispatchers bind it around the operation, on the thread that runs it.
 */
public final class RequestOrigins {
    private final ClientAddresses clientAddresses;

    public RequestOrigins(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    public RequestOrigin of(HttpServerExchange exchange) {
        return new RequestOrigin(Optional.ofNullable(RequestIds.of(exchange)),
                Optional.of(clientAddresses.of(exchange)),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.USER_AGENT)));
    }
}
