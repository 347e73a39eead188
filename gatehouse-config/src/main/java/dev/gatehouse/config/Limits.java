package dev.gatehouse.config;

import dev.gatehouse.domain.oidc.DeviceVerification;
import java.util.List;

/**
 * Protection against overload: rate limits per access token and per client address, and a bound
 * on requests in flight past which the service answers 429 at once instead of queueing.
 *
 * @param trustedProxies load balancers in front of the service: for requests from these, the client
 *                       address (for the per-address limits) is taken from {@code X-Forwarded-For}
 * @param wrongUserCodes wrong user codes on the device page per sign-in session and per address,
 *                       and how long a lockout lasts (RFC 8628 §5.1)
 * @param connections    read deadlines and the bound on connections per client address
 */
public record Limits(RateLimit perToken, RateLimit perAddress, int maxInFlight, List<AddressRange> trustedProxies,
                     DeviceVerification.Policy wrongUserCodes, Connections connections) {
    /** Defaults: generous for people and build farms, tight enough to stop a runaway loop. */
    public static final Limits DEFAULTS = new Limits(new RateLimit(100, 50), new RateLimit(2000, 1000), 1024);

    public Limits {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The default limits on wrong user codes, read deadlines and connection bound. */
    public Limits(RateLimit perToken, RateLimit perAddress, int maxInFlight, List<AddressRange> trustedProxies) {
        this(perToken, perAddress, maxInFlight, trustedProxies, DeviceVerification.Policy.DEFAULTS,
                Connections.DEFAULTS);
    }

    /** No trusted proxies: the client address is the connection's peer. */
    public Limits(RateLimit perToken, RateLimit perAddress, int maxInFlight) {
        this(perToken, perAddress, maxInFlight, List.of());
    }

    public Limits withWrongUserCodes(DeviceVerification.Policy changed) {
        return new Limits(perToken, perAddress, maxInFlight, trustedProxies, changed, connections);
    }

    public Limits withConnections(Connections changed) {
        return new Limits(perToken, perAddress, maxInFlight, trustedProxies, wrongUserCodes, changed);
    }
}
