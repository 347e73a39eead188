package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import dev.gatehouse.store.postgres.DirectoryWritePlan.EntryRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order rules of one directory write, which the store contract's cases do not all reach. */
class DirectoryWritePlanTest {
    private static final EntryRef ANN = new EntryRef("user", "u1");
    private static final EntryRef BOB = new EntryRef("user", "u2");

    private static StoredEntry user(String id, String... keys) {
        return new StoredEntry("user", id, List.of(keys), new byte[] {1});
    }

    private static EntryWrite put(StoredEntry entry) {
        return new EntryWrite.Put(entry);
    }

    private static EntryWrite delete(String id) {
        return new EntryWrite.Delete("user", id);
    }

    @Test
    void writesApplyInTheirOrderSoAKeyFreedLaterInTheWriteWasStillTaken() {
        List<EntryWrite> writes = List.of(put(user("u2", "name:ann")), delete("u1"));
        assertThatThrownBy(() -> DirectoryWritePlan.of(writes, Map.of("name:ann", ANN)))
                .isInstanceOfSatisfying(UniqueKeyTakenException.class, e -> assertThat(e.key()).isEqualTo("name:ann"));
    }

    @Test
    void aKeyFreedEarlierInTheWriteMayBeClaimed() {
        DirectoryWritePlan plan = DirectoryWritePlan.of(List.of(delete("u1"), put(user("u2", "name:ann"))),
                Map.of("name:ann", ANN));
        assertThat(plan.written()).containsExactly(ANN, BOB);
        assertThat(plan.stored()).containsExactly(user("u2", "name:ann"));
    }

    @Test
    void twoPutsInOneWriteCannotShareAKey() {
        List<EntryWrite> writes = List.of(put(user("u1", "name:x")), put(user("u2", "name:x")));
        assertThatThrownBy(() -> DirectoryWritePlan.of(writes, Map.of())).isInstanceOf(UniqueKeyTakenException.class);
    }

    @Test
    void theLastWriteOfAnEntryDecidesIt() {
        DirectoryWritePlan plan = DirectoryWritePlan.of(List.of(put(user("u1", "a")), delete("u1"),
                put(user("u2", "b")), put(user("u2", "c", "c"))), Map.of("a", ANN));
        assertThat(plan.written()).containsExactly(ANN, BOB);
        assertThat(plan.stored()).as("u1 deleted; an entry may list its own key twice")
                .containsExactly(user("u2", "c", "c"));
    }

    @Test
    void whatAWriteMustKnowIsTheKeysItClaimsAndTheEntriesItTouches() {
        List<EntryWrite> writes = List.of(put(user("u2", "b", "c")), delete("u1"), put(user("u2", "d")));
        assertThat(DirectoryWritePlan.keysClaimed(writes)).containsExactly("b", "c", "d");
        assertThat(DirectoryWritePlan.entriesWritten(writes)).containsExactly(BOB, ANN);
    }
}
