package dev.gatehouse.client.gatehouseadmin.model;

/**
 * ListSessions' input: the user, by exactly one of user name and user id.
 *
 * @param nextToken  the previous page's {@code NextToken}, or null for the first page
 * @param maxResults page size, 1..100, or null for the service's default
 */
public record ListSessionsInput(String userName, String userId, String nextToken, Integer maxResults) {
    public ListSessionsInput {
        UserSelector.requireExactlyOne(userName, userId);
    }

    /** The first page of the sessions of the user with this user name. */
    public static ListSessionsInput ofUserName(String userName) {
        return new ListSessionsInput(userName, null, null, null);
    }

    /** The first page of the sessions of the user with this user id. */
    public static ListSessionsInput ofUserId(String userId) {
        return new ListSessionsInput(null, userId, null, null);
    }

    public ListSessionsInput withNextToken(String token) {
        return new ListSessionsInput(userName, userId, token, maxResults);
    }
}
