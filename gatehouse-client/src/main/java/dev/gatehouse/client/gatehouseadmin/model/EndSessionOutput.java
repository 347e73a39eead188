package dev.gatehouse.client.gatehouseadmin.model;

/**
 * EndSession's output.
 *
 * @param sessionsEnded     1, or 0 when the session had already ended or expired (ending is idempotent)
 * @param roleSessionsEnded how many role sessions were ended with it
 */
public record EndSessionOutput(String sessionId, int sessionsEnded, int roleSessionsEnded) {
}
