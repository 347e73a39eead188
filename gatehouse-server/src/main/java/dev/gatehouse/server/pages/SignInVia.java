package dev.gatehouse.server.pages;

import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a sign-in is for, read from where the sign-in page goes next: {@code /device} is a device code
 * being approved (the client that started it, when the user code is in the link), {@code /authorize} a
 * PKCE request (the client named by its {@code client_id}), anything else the browser itself. The
 * sign-in session keeps it, so that its user (on the portal's sessions page) and an admin can tell
 * their sessions apart. Looking up a user code here counts no wrong code: an unknown one only leaves
 * the client name out.
 */
final class SignInVia {
    private static final String DEVICE = "/device";
    private static final String AUTHORIZE = "/authorize";
    /** Longer than any user code or client id. */
    private static final int MAX_VALUE = 256;

    private final DeviceAuthorizations devices;
    private final ClientRegistry clients;

    SignInVia(DeviceAuthorizations devices, ClientRegistry clients) {
        this.devices = devices;
        this.clients = clients;
    }

    /** How the sign-in is made, and the OIDC client that asked for it (null when none or unknown). */
    record Via(SignInMethod method, String clientName) {
        static final Via BROWSER = new Via(SignInMethod.BROWSER, null);
    }

    /** @param next the sign-in's {@code next}, already checked to be a path on this service */
    Via of(String next) {
        int query = next.indexOf('?');
        String path = query < 0 ? next : next.substring(0, query);
        String queryString = query < 0 ? "" : next.substring(query + 1);
        return switch (path) {
            case DEVICE -> new Via(SignInMethod.DEVICE_CODE, queryValue(queryString, "user_code")
                    .flatMap(devices::pending).map(DeviceAuthorization::clientName).orElse(null));
            case AUTHORIZE -> new Via(SignInMethod.PKCE, queryValue(queryString, "client_id")
                    .flatMap(clients::find).map(RegisteredClient::clientName).orElse(null));
            default -> Via.BROWSER;
        };
    }

    private static Optional<String> queryValue(String query, String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    // an unprintable one (%00) names nothing, and PostgreSQL would refuse to look it up
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))
                            .filter(value -> !value.isBlank() && value.length() <= MAX_VALUE
                                    && InputRules.isPrintable(value));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
