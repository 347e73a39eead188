package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.store.rocksdb.DirectoryRecords.LogLine;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The directory's on-disk records: an entry and a log line come back whole, log keys sort as their
 * versions do, and bytes that are not one whole record are refused instead of read as something else.
 */
class DirectoryRecordsTest {
    private static final Instant AT = Instant.parse("2026-11-30T05:00:00.123Z");
    private static final StoredEntry ENTRY = new StoredEntry("user", "u-Zoë 😀", List.of("user-name:zoë", "ext:1"),
            new byte[] {0, 1, 2, -1, 'x'});

    @Test
    void anEntryComesBackWhole() {
        assertThat(DirectoryRecords.decodeEntry(DirectoryRecords.encode(ENTRY))).isEqualTo(ENTRY);
        StoredEntry bare = new StoredEntry("group", "", List.of(), new byte[0]);
        assertThat(DirectoryRecords.decodeEntry(DirectoryRecords.encode(bare))).isEqualTo(bare);
    }

    @Test
    void aLogLineComesBackWithItsVersionFromTheKey() {
        LogLine line = new LogLine(7, "user", "u1", AT);
        assertThat(DirectoryRecords.decodeLogLine(DirectoryRecords.logKey(7, 3), DirectoryRecords.encode(line)))
                .isEqualTo(line);
        assertThatThrownBy(() -> DirectoryRecords.decodeLogLine(new byte[8], DirectoryRecords.encode(line)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logKeysSortAsTheirVersionsAndPositions() {
        byte[][] ordered = {DirectoryRecords.logKey(1, 0), DirectoryRecords.logKey(1, 1), DirectoryRecords.logKey(255, 0),
            DirectoryRecords.logKey(256, 0), DirectoryRecords.firstLogKeyAfter(256), DirectoryRecords.logKey(1L << 40, 0)};
        for (int i = 1; i < ordered.length; i++) {
            assertThat(Arrays.compareUnsigned(ordered[i - 1], ordered[i])).as("key %d before key %d", i - 1, i).isNegative();
        }
    }

    @Test
    void aRecordCutShortOrWithBytesLeftOverIsRefused() {
        assertOnlyWholeRecordsRead(DirectoryRecords.encode(ENTRY), DirectoryRecords::decodeEntry);
        assertOnlyWholeRecordsRead(DirectoryRecords.encode(new LogLine(1, "user", "u1", AT)),
                bytes -> DirectoryRecords.decodeLogLine(DirectoryRecords.logKey(1, 0), bytes));
    }

    @Test
    void aBodyLengthBeyondTheRecordIsRefused() {
        byte[] bytes = DirectoryRecords.encode(ENTRY);
        bytes[bytes.length - ENTRY.body().length - 4] = 0x7f;
        assertThatThrownBy(() -> DirectoryRecords.decodeEntry(bytes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
    }

    @Test
    void anotherFormatVersionIsRefused() {
        byte[] bytes = DirectoryRecords.encode(ENTRY);
        bytes[0] = 2;
        assertThatThrownBy(() -> DirectoryRecords.decodeEntry(bytes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void aKindWithANulIsRefusedAndNumbersRoundTrip() {
        assertThatThrownBy(() -> DirectoryRecords.entryKey("us\0er", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DirectoryRecords.entryKey("user", "a\0b")).isEqualTo("user\0a\0b");
        assertThat(DirectoryRecords.decodeNumber(DirectoryRecords.encodeNumber(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(DirectoryRecords.decodeNumber(null)).isZero();
        assertThatThrownBy(() -> DirectoryRecords.decodeNumber(new byte[3])).isInstanceOf(IllegalStateException.class);
    }

    private static void assertOnlyWholeRecordsRead(byte[] whole, Function<byte[], ?> decode) {
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> decode.apply(cut)).as("cut to %d", length)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("orrupt");
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> decode.apply(longer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("left over");
    }
}
