package dev.gatehouse.config;

/**
 * Protection against overload: rate limits per access token and per client address, and a bound
 * on requests in flight past which the service answers 429 at once instead of queueing.
 */
public record Limits(RateLimit perToken, RateLimit perAddress, int maxInFlight) {
    /** Defaults: generous for people and build farms, tight enough to stop a runaway loop. */
    public static final Limits DEFAULTS = new Limits(new RateLimit(100, 50), new RateLimit(2000, 1000), 1024);

    public Limits {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
    }
}
