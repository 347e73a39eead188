package dev.gatehouse.domain.store;

/** One part of a {@link DirectoryStore#writeDirectory} call. */
public sealed interface EntryWrite {
    String kind();

    String id();

    /** Stores the entry, replacing the one of the same kind and id, and claims its unique keys. */
    record Put(StoredEntry entry) implements EntryWrite {
        @Override
        public String kind() {
            return entry.kind();
        }

        @Override
        public String id() {
            return entry.id();
        }
    }

    /** Removes the entry of this kind and id, and frees its unique keys. */
    record Delete(String kind, String id) implements EntryWrite {
    }
}
