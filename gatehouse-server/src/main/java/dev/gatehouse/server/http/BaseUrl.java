package dev.gatehouse.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The service's base URL as the caller reached it: scheme and host of the request, or those a
 * reverse proxy passed on in {@code X-Forwarded-Proto} / {@code X-Forwarded-Host}. Values that are
 * not a plain scheme or host[:port] are ignored, so nothing else can end up in the URLs we hand out.
 */
public final class BaseUrl {
    private static final HttpString FORWARDED_PROTO = HttpString.tryFromString("X-Forwarded-Proto");
    private static final HttpString FORWARDED_HOST = HttpString.tryFromString("X-Forwarded-Host");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

    private BaseUrl() {
    }

    /** For example {@code http://127.0.0.1:8080} (no trailing slash). */
    public static String of(HttpServerExchange exchange) {
        String scheme = first(exchange, FORWARDED_PROTO);
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            scheme = exchange.getRequestScheme();
        }
        String host = first(exchange, FORWARDED_HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            host = exchange.getHostAndPort();
        }
        if (host == null || !HOST.matcher(host).matches()) {
            InetSocketAddress local = exchange.getDestinationAddress();
            String address = local.getAddress().getHostAddress();
            host = (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
        }
        return scheme.toLowerCase(Locale.ROOT) + "://" + host;
    }

    private static String first(HttpServerExchange exchange, HttpString header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).strip();
    }
}
