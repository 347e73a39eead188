package dev.gatehouse.client.gatehouseadmin.model;

import java.util.List;

/**
 * ListSessions' output: one page of the user's active sessions, oldest first, and the next page's
 * token (null on the last).
 */
public record ListSessionsOutput(List<Session> sessions, String nextToken) {
    public ListSessionsOutput {
        sessions = List.copyOf(sessions);
    }
}
