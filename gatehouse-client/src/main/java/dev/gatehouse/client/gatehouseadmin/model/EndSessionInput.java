package dev.gatehouse.client.gatehouseadmin.model;

import java.util.Objects;

/**
 * EndSession's input.
 *
 * @param endRoleSessions also end the role credentials issued from the session, whatever the permission set says
 */
public record EndSessionInput(String sessionId, boolean endRoleSessions) {
    public EndSessionInput {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Ends the session alone, leaving its role credentials to expire. */
    public static EndSessionInput of(String sessionId) {
        return new EndSessionInput(sessionId, false);
    }
}
