package dev.gatehouse.client.gatehouseadmin.model;

/** The rule ListSessions and EndUserSessions share: a user is named by exactly one of user name and user id. */
final class UserSelector {
    private UserSelector() {
    }

    static void requireExactlyOne(String userName, String userId) {
        if ((userName == null) == (userId == null)) {
            throw new IllegalArgumentException("name the user by exactly one of userName and userId");
        }
    }
}
