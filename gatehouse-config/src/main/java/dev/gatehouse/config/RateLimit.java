package dev.gatehouse.config;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled at {@code refillPerSecond}.
 * A capacity of 0 turns the limit off.
 */
public record RateLimit(long capacity, long refillPerSecond) {
    public static final RateLimit OFF = new RateLimit(0, 0);

    public RateLimit {
        if (capacity < 0 || refillPerSecond < 0 || (capacity > 0 && refillPerSecond == 0)) {
            throw new IllegalArgumentException("capacity and refillPerSecond must be positive (capacity 0 turns the limit off)");
        }
    }

    public boolean enabled() {
        return capacity > 0;
    }
}
