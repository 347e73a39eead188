package dev.gatehouse.domain.store;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A directory entry as the store keeps it: a kind ({@code user}, {@code group}, …), an id unique
 * within the kind, the unique keys it holds (across every kind), and an opaque body.
 */
public record StoredEntry(String kind, String id, List<String> uniqueKeys, byte[] body) {
    public StoredEntry {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        uniqueKeys = List.copyOf(uniqueKeys);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEntry e && kind.equals(e.kind) && id.equals(e.id)
                && uniqueKeys.equals(e.uniqueKeys) && Arrays.equals(body, e.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, uniqueKeys, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredEntry[" + kind + "/" + id + ", " + uniqueKeys + ", " + body.length + " bytes]";
    }
}
