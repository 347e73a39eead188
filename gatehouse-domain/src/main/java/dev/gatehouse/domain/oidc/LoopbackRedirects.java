package dev.gatehouse.domain.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Redirect URIs for native clients (RFC 8252): only {@code http} on a loopback address, and a
 * presented URI matches a registered one when they differ at most in the port (the AWS CLI registers
 * {@code http://127.0.0.1/oauth/callback} and then listens on an ephemeral port).
 *
 * <p>The loopback addresses are {@code 127.0.0.1} and {@code localhost}, not the IPv6 literal
 * {@code [::1]}: the consent page's Content-Security-Policy allows its form to lead only to this
 * service and to {@code http://127.0.0.1:*} / {@code http://localhost:*}, and CSP has no syntax for
 * an IPv6 literal, so a browser would silently block the redirect to {@code [::1]} after "Allow"
 * (seen in Chromium). Refusing it at registration tells the client at once instead.
 */
public final class LoopbackRedirects {
    private LoopbackRedirects() {
    }

    /** The URI when it is an absolute http loopback URI without user info or fragment. */
    public static Optional<URI> parseLoopback(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || uri.getHost() == null || !isLoopbackHost(uri.getHost())) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean matches(String registered, String presented) {
        Optional<URI> r = parseLoopback(registered);
        Optional<URI> p = parseLoopback(presented);
        if (r.isEmpty() || p.isEmpty()) {
            return false;
        }
        return r.get().getHost().equalsIgnoreCase(p.get().getHost())
                && r.get().getRawPath().equals(p.get().getRawPath())
                && java.util.Objects.equals(r.get().getRawQuery(), p.get().getRawQuery());
    }

    private static boolean isLoopbackHost(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost");
    }
}
