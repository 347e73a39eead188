package dev.gatehouse.client.gatehouseadmin.model;

/**
 * EndUserSessions' input: the user, by exactly one of user name and user id.
 *
 * @param endRoleSessions also end the role credentials issued from the sessions, whatever the permission sets say
 */
public record EndUserSessionsInput(String userName, String userId, boolean endRoleSessions) {
    public EndUserSessionsInput {
        UserSelector.requireExactlyOne(userName, userId);
    }

    /** Ends every session of the user with this user name, leaving role credentials to expire. */
    public static EndUserSessionsInput ofUserName(String userName) {
        return new EndUserSessionsInput(userName, null, false);
    }
}
