package dev.gatehouse.server;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.audit.AuditSink;
import dev.gatehouse.server.audit.JsonLinesAuditLog;
import dev.gatehouse.server.limits.RateLimitBuckets;

/**
 * How the HTTP service listens and what it accepts.
 *
 * @param port 0 picks a free port
 * @param buckets where the rate limits' token buckets live: this process, or a store every instance shares
 * @param auditLog where the audit trail is written as JSON lines (standard output unless set); the
 *                 server adds it to the trail when it starts and closes it when it stops
 */
public record ServerSettings(String host, int port, Limits limits, long maxBodyBytes, int maxHeaderBytes,
                             RateLimitBuckets buckets, AuditSink auditLog) {
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    public static ServerSettings of(String host, int port, Limits limits) {
        return new ServerSettings(host, port, limits, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES,
                RateLimitBuckets.local(), JsonLinesAuditLog.stdout());
    }

    public ServerSettings withBuckets(RateLimitBuckets shared) {
        return new ServerSettings(host, port, limits, maxBodyBytes, maxHeaderBytes, shared, auditLog);
    }

    /** The audit trail's JSON lines go to {@code log} (a {@link JsonLinesAuditLog} on a file, say) instead. */
    public ServerSettings withAuditLog(AuditSink log) {
        return new ServerSettings(host, port, limits, maxBodyBytes, maxHeaderBytes, buckets, log);
    }
}
