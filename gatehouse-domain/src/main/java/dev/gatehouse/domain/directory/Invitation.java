package dev.gatehouse.domain.directory;

import java.time.Instant;
import java.util.List;

/**
 * An invitation to set a password: what the store keeps of the one-time link an admin hands a user.
 * The link's token itself is never kept, only its SHA-256 hash, which is also the entry's id, so that
 * the link finds its invitation and nothing in the store can be turned back into a link. A user has
 * at most one invitation: the unique key {@link #userKey} makes a second one for the same user fail
 * to write unless the first is deleted in the same write.
 *
 * @param tokenHash the SHA-256 hash of the link's token, in unpadded base64url
 * @param createdBy the access key id of the admin who made it
 */
public record Invitation(String tokenHash, String userId, Instant createdAt, String createdBy, Instant expiresAt)
        implements DirectoryEntry {

    /** The unique key a user's invitation holds: one invitation per user. */
    public static String userKey(String userId) {
        return "invitation-of-user:" + userId;
    }

    @Override
    public String id() {
        return tokenHash;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.INVITATION;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of(userKey(userId));
    }

    /** True from {@code expiresAt} on. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Invitation[user " + userId + " until " + expiresAt + "]";
    }
}
