package dev.gatehouse.domain.directory;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of {@link DirectoryEntry}, each with the name the store files it under. */
public enum EntryKind {
    USER("user"), GROUP("group"), MEMBERSHIP("membership"), PERMISSION_SET("permission-set"),
    ASSIGNMENT("assignment"), ADMIN_KEY("admin-key"), REQUEST_STATUS("request-status"), INVITATION("invitation");

    private final String storedName;

    EntryKind(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    public static Optional<EntryKind> ofStoredName(String name) {
        return Arrays.stream(values()).filter(k -> k.storedName.equals(name)).findFirst();
    }
}
