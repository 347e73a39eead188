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
 * Data directories made by older versions open and keep their records: one made before the live
 * directory (no directory column families) keeps its sign-in sessions and instance key and takes
 * directory writes; one made before the {@code user_sessions} index gets it built from its sessions.
 */
class OlderDataDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private static final List<String> FAMILIES_BEFORE_THE_DIRECTORY = List.of("sessions", "tokens", "role_sessions",
            "clients", "device_authorizations", "user_codes", "authorization_codes", "counters");
    private static final List<String> FAMILIES_BEFORE_THE_USER_SESSIONS_INDEX = Stream.concat(
            FAMILIES_BEFORE_THE_DIRECTORY.stream(), Stream.of("directory", "directory_keys", "directory_log")).toList();

    @TempDir
    Path dataDir;

    @Test
    void opensWithItsSessionsAndGainsTheDirectory() throws Exception {
        SignInSession session = new SignInSession("s-1", "alice", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
        byte[] instanceKey = new byte[32];
        instanceKey[0] = 42;
        writeAsTheOlderVersionDid(FAMILIES_BEFORE_THE_DIRECTORY, instanceKey, List.of(session));

        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.findSession("s-1")).contains(session);
            assertThat(store.sessionsOfUser("alice")).containsExactly(session);
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

    @Test
    void gainsTheUserSessionsIndexBuiltFromItsSessions() throws Exception {
        Instant expires = NOW.plus(Duration.ofHours(8));
        SignInSession later = new SignInSession("s-2", "alice", NOW.plusSeconds(5), expires, Optional.empty());
        SignInSession earlier = new SignInSession("s-9", "alice", NOW, expires, Optional.of(NOW.plusSeconds(60)));
        SignInSession bobs = new SignInSession("s-1", "bob", NOW, expires, Optional.empty());
        writeAsTheOlderVersionDid(FAMILIES_BEFORE_THE_USER_SESSIONS_INDEX, new byte[32], List.of(later, earlier, bobs));

        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.sessionsOfUser("alice")).containsExactly(earlier, later);
            assertThat(store.sessionsOfUser("bob")).containsExactly(bobs);
            assertThat(store.sessionsOfUser("al")).isEmpty();
        }
        SignInSession newer = new SignInSession("s-3", "alice", NOW.plusSeconds(10), expires, Optional.empty());
        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.sessionsOfUser("alice")).containsExactly(earlier, later);
            store.createSession(newer);
        }
        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.sessionsOfUser("alice")).containsExactly(earlier, later, newer);
            assertThat(store.purgeExpiredBefore(expires.plusSeconds(1))).isEqualTo(4);
            assertThat(store.sessionsOfUser("alice")).isEmpty();
            assertThat(store.sessionsOfUser("bob")).isEmpty();
        }
        assertThat(indexKeysOnDisk()).isZero();
    }

    private long indexKeysOnDisk() throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        try (Options listing = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(listing, dataDir.toString())) {
                descriptors.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
             RocksDB db = RocksDB.openReadOnly(options, dataDir.toString(), descriptors, handles)) {
            int index = descriptors.stream().map(d -> new String(d.getName(), StandardCharsets.UTF_8)).toList()
                    .indexOf("user_sessions");
            long count = 0;
            try (org.rocksdb.RocksIterator it = db.newIterator(handles.get(index))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    count++;
                }
            }
            handles.forEach(ColumnFamilyHandle::close);
            return count;
        }
    }

    private void writeAsTheOlderVersionDid(List<String> families, byte[] instanceKey, List<SignInSession> sessions)
            throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        Stream.concat(Stream.of("default"), families.stream())
                .map(name -> new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)))
                .forEach(descriptors::add);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(options, dataDir.toString(), descriptors, handles)) {
            db.put(handles.get(0), "instance-key".getBytes(StandardCharsets.UTF_8), instanceKey);
            for (SignInSession session : sessions) {
                db.put(handles.get(1), session.id().getBytes(StandardCharsets.UTF_8), RecordCodec.encode(session));
            }
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
