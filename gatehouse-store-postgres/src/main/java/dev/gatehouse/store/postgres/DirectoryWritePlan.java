package dev.gatehouse.store.postgres;

import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one directory write does, worked out before anything is written: the writes applied in their
 * order to the unique keys they touch, as the database holds them now (a put first frees the keys of
 * the entry it replaces; a delete frees them all), a claim of a key that another entry holds refused
 * with {@link UniqueKeyTakenException}; and the end state of each entry written, stored or deleted.
 * Storing that end state then takes a few set-wide statements, however many writes there are.
 *
 * <p>The keys it needs to know about are those the puts claim and those the written entries hold
 * ({@link #keysClaimed}, {@link #entriesWritten}); all other keys a write cannot affect.
 */
final class DirectoryWritePlan {
    /** An entry by its kind and id. */
    record EntryRef(String kind, String id) {
        static EntryRef of(EntryWrite write) {
            return new EntryRef(write.kind(), write.id());
        }

        static EntryRef of(StoredEntry entry) {
            return new EntryRef(entry.kind(), entry.id());
        }
    }

    private final Map<EntryRef, Optional<StoredEntry>> outcome;

    private DirectoryWritePlan(Map<EntryRef, Optional<StoredEntry>> outcome) {
        this.outcome = outcome;
    }

    /** Every unique key the puts of {@code writes} claim. */
    static Set<String> keysClaimed(List<EntryWrite> writes) {
        Set<String> keys = new LinkedHashSet<>();
        for (EntryWrite write : writes) {
            if (write instanceof EntryWrite.Put put) {
                keys.addAll(put.entry().uniqueKeys());
            }
        }
        return keys;
    }

    /** Every entry {@code writes} puts or deletes, in the order first written. */
    static Set<EntryRef> entriesWritten(List<EntryWrite> writes) {
        Set<EntryRef> refs = new LinkedHashSet<>();
        writes.forEach(w -> refs.add(EntryRef.of(w)));
        return refs;
    }

    /**
     * Applies {@code writes} in order to {@code holders}: who holds each of the {@link #keysClaimed}
     * and each key an {@link #entriesWritten} entry holds (a key held by no one is absent).
     *
     * @throws UniqueKeyTakenException naming the first key a put claims while another entry holds it
     */
    static DirectoryWritePlan of(List<EntryWrite> writes, Map<String, EntryRef> holders) {
        Map<String, EntryRef> keys = new HashMap<>(holders);
        Map<EntryRef, List<String>> keysOf = new HashMap<>();
        holders.forEach((key, holder) -> keysOf.computeIfAbsent(holder, h -> new ArrayList<>()).add(key));
        Map<EntryRef, Optional<StoredEntry>> outcome = new LinkedHashMap<>();
        for (EntryWrite write : writes) {
            EntryRef ref = EntryRef.of(write);
            List<String> replaced = keysOf.remove(ref);
            if (replaced != null) {
                replaced.forEach(key -> keys.remove(key, ref));
            }
            if (write instanceof EntryWrite.Put put) {
                for (String key : put.entry().uniqueKeys()) {
                    EntryRef holder = keys.putIfAbsent(key, ref);
                    if (holder != null && !holder.equals(ref)) {
                        throw new UniqueKeyTakenException(key);
                    }
                }
                keysOf.put(ref, put.entry().uniqueKeys());
                outcome.put(ref, Optional.of(put.entry()));
            } else {
                outcome.put(ref, Optional.empty());
            }
        }
        return new DirectoryWritePlan(outcome);
    }

    /** Every entry written, in the order first written: each is deleted, and the {@link #stored} ones stored again. */
    List<EntryRef> written() {
        return List.copyOf(outcome.keySet());
    }

    /** The entries as they are to be stored, each the last put of its kind and id. */
    List<StoredEntry> stored() {
        return outcome.values().stream().flatMap(Optional::stream).toList();
    }
}
