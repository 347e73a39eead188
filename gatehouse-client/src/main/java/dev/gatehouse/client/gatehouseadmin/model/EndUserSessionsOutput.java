package dev.gatehouse.client.gatehouseadmin.model;

/** EndUserSessions' output: the user's id, and how many sign-in and role sessions were ended. */
public record EndUserSessionsOutput(String userId, int sessionsEnded, int roleSessionsEnded) {
}
