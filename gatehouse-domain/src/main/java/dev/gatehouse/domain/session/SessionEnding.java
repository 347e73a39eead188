package dev.gatehouse.domain.session;

/**
 * What ending sessions did: how many sign-in sessions were ended by this call (a session already
 * ended or expired is not counted) and how many live role sessions were ended with them.
 */
public record SessionEnding(int sessionsEnded, int roleSessionsEnded) {
}
