package dev.gatehouse.server;

import dev.gatehouse.config.Limits;

/**
 * How the HTTP service listens and what it accepts.
 *
 * @param port 0 picks a free port
 */
public record ServerSettings(String host, int port, Limits limits, long maxBodyBytes, int maxHeaderBytes) {
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    public static ServerSettings of(String host, int port, Limits limits) {
        return new ServerSettings(host, port, limits, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES);
    }
}
