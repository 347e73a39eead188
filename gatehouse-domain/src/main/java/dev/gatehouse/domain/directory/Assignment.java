package dev.gatehouse.domain.directory;

import java.util.List;

/**
 * Grants a permission set in an account to a user or to every member of a group. Its id is the four
 * values that make it, so one assignment exists at most once.
 */
public record Assignment(String accountId, String permissionSetArn, PrincipalType principalType, String principalId,
                         Origin origin, Stamps stamps) implements DirectoryEntry {

    public static String idOf(String accountId, String permissionSetArn, PrincipalType type, String principalId) {
        return accountId + "|" + permissionSetArn + "|" + type + "|" + principalId;
    }

    @Override
    public String id() {
        return idOf(accountId, permissionSetArn, principalType, principalId);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ASSIGNMENT;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of();
    }
}
