package dev.gatehouse.config;

import java.time.Duration;

/**
 * How long a client may take to send a request, and how many connections one client address may
 * hold open, so that slow or idle clients cannot tie up the service.
 *
 * @param headerTimeout the request head (request line and headers) must arrive within this, from its first byte
 * @param bodyTimeout a request body must arrive whole within this, from the end of its head
 * @param maxPerAddress open connections per client address; 0 = no bound. Connections from a trusted
 *                      proxy are not counted: its clients' addresses are only known per request
 */
public record Connections(Duration headerTimeout, Duration bodyTimeout, int maxPerAddress) {
    public static final Connections DEFAULTS = new Connections(Duration.ofSeconds(10), Duration.ofSeconds(10), 512);

    public Connections {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxPerAddress < 0) {
            throw new IllegalArgumentException("maxPerAddress must not be negative");
        }
    }

    public boolean boundPerAddress() {
        return maxPerAddress > 0;
    }
}
