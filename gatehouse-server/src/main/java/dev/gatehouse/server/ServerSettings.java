package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.audit.AuditSink;
import dev.gatehouse.server.audit.JsonLinesAuditLog;
import dev.gatehouse.server.limits.RateLimitBuckets;
import java.net.URI;
import java.util.Optional;

/**
 * How the HTTP service listens and what it accepts.
 *
 * @param port 0 picks a free port
 * @param buckets where the rate limits' token buckets live: this process, or a store every instance shares
 * @param auditLog where the audit trail is written as JSON lines (standard output unless set); the
 *                 server adds it to the trail when it starts and closes it when it stops
 * @param publicUrl the base URL browsers and identity providers reach the service at (behind a proxy,
 *                  the proxy's); empty: the address it listens on. SAML names the service by it.
 */
public record ServerSettings(String host, int port, Limits limits, long maxBodyBytes, int maxHeaderBytes,
                             RateLimitBuckets buckets, AuditSink auditLog, Optional<URI> publicUrl) {
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    public static ServerSettings of(String host, int port, Limits limits) {
        return new ServerSettings(host, port, limits, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES,
                RateLimitBuckets.local(), JsonLinesAuditLog.stdout(), Optional.empty());
    }

    public ServerSettings withBuckets(RateLimitBuckets shared) {
        return new ServerSettings(host, port, limits, maxBodyBytes, maxHeaderBytes, shared, auditLog, publicUrl);
    }

    /** The audit trail's JSON lines go to {@code log} (a {@link JsonLinesAuditLog} on a file, say) instead. */
    public ServerSettings withAuditLog(AuditSink log) {
        return new ServerSettings(host, port, limits, maxBodyBytes, maxHeaderBytes, buckets, log, publicUrl);
    }

    /** The service is reached at {@code url} (for example {@code https://sso.example.com}), not at its listening address. */
    public ServerSettings withPublicUrl(URI url) {
        return new ServerSettings(host, port, limits, maxBodyBytes, maxHeaderBytes, buckets, auditLog, Optional.of(url));
    }
}
