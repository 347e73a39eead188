package dev.gatehouse.server.http;

import dev.gatehouse.config.AddressRange;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request, for the per-address limits. It is the connection's
 * peer, unless that peer is a trusted proxy: then it is the nearest address in {@code X-Forwarded-For}
 * that is not a trusted proxy itself (read from the right, the end the proxies appended). Headers
 * from anyone else are ignored, so a client cannot pick its own bucket by sending one.
 */
public final class ClientAddresses {
    private static final HttpString FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(HttpServerExchange exchange) {
        InetAddress peer = exchange.getSourceAddress().getAddress();
        if (!isTrustedProxy(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedFor(exchange);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // garbage (or "unknown"): trust nothing further left
            }
            client = hop.get();
            if (!isTrustedProxy(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /** Whether this address is a trusted proxy (its connections carry other clients' requests). */
    boolean isTrustedProxy(InetAddress address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(FORWARDED_FOR);
        List<String> hops = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String hop : value.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
        }
        return hops;
    }
}
