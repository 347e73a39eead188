package dev.gatehouse.domain.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A group of users; assignments to it reach every member. Display names are unique without regard to case. */
public record Group(String id, String displayName, Optional<String> description, List<ExternalId> externalIds,
                    Origin origin, Stamps stamps) implements DirectoryEntry {

    public Group {
        externalIds = List.copyOf(externalIds);
    }

    public static String nameKey(String displayName) {
        return "group-name:" + displayName.toLowerCase(Locale.ROOT);
    }

    public static String externalIdKey(ExternalId externalId) {
        return "group-external-id:" + externalId.issuer() + "\n" + externalId.id();
    }

    @Override
    public EntryKind kind() {
        return EntryKind.GROUP;
    }

    @Override
    public List<String> uniqueKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(nameKey(displayName));
        externalIds.forEach(e -> keys.add(externalIdKey(e)));
        return keys;
    }
}
