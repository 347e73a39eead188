package dev.gatehouse.domain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An access key that may sign admin API calls. Its secret is not stored: it is derived from the
 * instance key and the key id, and shown once when the key is made.
 */
public record AdminKey(String accessKeyId, Optional<String> description, Instant createdAt, String createdBy,
                       Optional<Instant> revokedAt) implements DirectoryEntry {

    @Override
    public String id() {
        return accessKeyId;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ADMIN_KEY;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of();
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
