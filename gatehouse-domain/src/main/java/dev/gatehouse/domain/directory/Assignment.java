package dev.gatehouse.domain.directory;

/** Grants a permission set in an account to a user or to every member of a group. */
public record Assignment(String accountId, String permissionSet, Principal principal) {

    /** Who an assignment is for. */
    public sealed interface Principal {
        boolean includes(User user);
    }

    public record ToUser(String userName) implements Principal {
        @Override
        public boolean includes(User user) {
            return user.userName().equals(userName);
        }
    }

    public record ToGroup(String group) implements Principal {
        @Override
        public boolean includes(User user) {
            return user.groups().contains(group);
        }
    }
}
