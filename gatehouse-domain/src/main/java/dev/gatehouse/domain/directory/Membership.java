package dev.gatehouse.domain.directory;

import java.util.List;

/** A user's membership of a group; at most one per group and user. */
public record Membership(String id, String groupId, String userId, Origin origin, Stamps stamps)
        implements DirectoryEntry {

    public static String pairKey(String groupId, String userId) {
        return "membership:" + groupId + "/" + userId;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.MEMBERSHIP;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of(pairKey(groupId, userId));
    }
}
