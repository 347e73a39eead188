package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * A data directory made before the live directory — the column families of that version, no
 * directory ones — opens, keeps its sign-in sessions and instance key, and takes directory writes.
 */
class OlderDataDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private static final List<String> FAMILIES_BEFORE_THE_DIRECTORY = List.of("sessions", "tokens", "role_sessions",
            "clients", "device_authorizations", "user_codes", "authorization_codes", "counters");

    @TempDir
    Path dataDir;

    @Test
    void opensWithItsSessionsAndGainsTheDirectory() throws Exception {
        SignInSession session = new SignInSession("s-1", "alice", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
        byte[] instanceKey = new byte[32];
        instanceKey[0] = 42;
        writeAsTheOlderVersionDid(session, instanceKey);

        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.findSession("s-1")).contains(session);
            assertThat(store.instanceKey()).isEqualTo(instanceKey);
            assertThat(store.loadDirectory().version()).isZero();
            assertThat(store.directoryChangesAfter(0).complete()).isTrue();
            StoredEntry ann = new StoredEntry("user", "u1", List.of("user-name:ann"), "ann".getBytes(StandardCharsets.UTF_8));
            assertThat(store.writeDirectory(List.of(new EntryWrite.Put(ann)), NOW)).isEqualTo(1);
        }
        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.findSession("s-1")).contains(session);
            assertThat(store.loadDirectory().entries()).extracting(StoredEntry::id).containsExactly("u1");
        }
        try (Options options = new Options()) {
            assertThat(RocksDB.listColumnFamilies(options, dataDir.toString()))
                    .extracting(name -> new String(name, StandardCharsets.UTF_8))
                    .contains("directory", "directory_keys", "directory_log");
        }
    }

    private void writeAsTheOlderVersionDid(SignInSession session, byte[] instanceKey) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        Stream.concat(Stream.of("default"), FAMILIES_BEFORE_THE_DIRECTORY.stream())
                .map(name -> new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)))
                .forEach(descriptors::add);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(options, dataDir.toString(), descriptors, handles)) {
            db.put(handles.get(0), "instance-key".getBytes(StandardCharsets.UTF_8), instanceKey);
            db.put(handles.get(1), session.id().getBytes(StandardCharsets.UTF_8), RecordCodec.encode(session));
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
