package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.StoredEntry;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * directory writes; one made before the {@code user_sessions} index gets it built from its sessions;
 * one made before issue 12 gets its {@code session_tokens} and {@code session_role_sessions} indexes
 * built from its tokens and role sessions, and its records of format version 1 read back with an
 * unrecorded origin, no source address and not ended. Every older record here is written as the older
 * release wrote it ({@link OlderRecords}).
 */
class OlderDataDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private static final List<String> FAMILIES_BEFORE_THE_DIRECTORY = List.of("sessions", "tokens", "role_sessions",
            "clients", "device_authorizations", "user_codes", "authorization_codes", "counters");
    private static final List<String> FAMILIES_BEFORE_THE_USER_SESSIONS_INDEX = Stream.concat(
            FAMILIES_BEFORE_THE_DIRECTORY.stream(), Stream.of("directory", "directory_keys", "directory_log")).toList();
    private static final List<String> FAMILIES_BEFORE_ISSUE_12 = Stream.concat(
            FAMILIES_BEFORE_THE_USER_SESSIONS_INDEX.stream(), Stream.of("user_sessions")).toList();

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
        assertThat(keysOnDisk("user_sessions")).isZero();
    }

    @Test
    void gainsTheTokenAndRoleSessionIndexesAndReadsItsOlderRecords() throws Exception {
        Instant expires = NOW.plus(Duration.ofHours(8));
        SignInSession session = new SignInSession("s-1", "alice", NOW, expires, Optional.empty());
        TokenRecord refresh = new TokenRecord("t-2", TokenKind.REFRESH, new byte[32], "s-1", "client-1",
                NOW.plusSeconds(1), expires, Optional.of(NOW.plusSeconds(30)));
        TokenRecord access = new TokenRecord("t-1", TokenKind.ACCESS, new byte[32], "s-1", "client-1",
                NOW.plusSeconds(2), NOW.plus(Duration.ofHours(1)), Optional.empty());
        TokenRecord othersToken = new TokenRecord("t-3", TokenKind.ACCESS, new byte[32], "s-2", "client-1", NOW,
                NOW.plus(Duration.ofHours(1)), Optional.empty());
        RoleSession role = new RoleSession("ASIAAAAAAAAAAAAAAAA1", new byte[32], "111111111111", "Admin", "alice",
                "s-1", NOW.plusSeconds(3), NOW.plus(Duration.ofHours(1)));
        Map<String, Map<String, byte[]>> records = new LinkedHashMap<>();
        records.put("sessions", Map.of(session.id(), OlderRecords.sessionV1(session)));
        records.put("tokens", Map.of(refresh.id(), OlderRecords.tokenV1(refresh), access.id(),
                OlderRecords.tokenV1(access), othersToken.id(), OlderRecords.tokenV1(othersToken)));
        records.put("role_sessions", Map.of(role.accessKeyId(), OlderRecords.roleSessionV1(role)));
        writeAsTheOlderVersionDid(FAMILIES_BEFORE_ISSUE_12, new byte[32], records);

        Instant ended = NOW.plusSeconds(60);
        TokenRecord newer = new TokenRecord("t-4", TokenKind.ACCESS, new byte[32], "s-1", "client-1",
                NOW.plusSeconds(4), NOW.plus(Duration.ofHours(1)), Optional.empty(), Optional.of("203.0.113.7"));
        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.findSession("s-1").orElseThrow().origin()).isEqualTo(SessionOrigin.UNRECORDED);
            assertThat(store.sessionsOfUser("alice")).containsExactly(session);
            assertThat(store.tokensOfSession("s-1")).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(refresh, access);
            assertThat(store.tokensOfSession("s-2")).extracting(TokenRecord::id).containsExactly("t-3");
            assertThat(store.roleSessionsOfSignInSession("s-1")).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(role);
            store.endRoleSession(role.accessKeyId(), ended);
            store.saveToken(newer);
        }
        try (RocksDbStore store = RocksDbStore.open(dataDir)) {
            assertThat(store.tokensOfSession("s-1")).extracting(TokenRecord::id).containsExactly("t-2", "t-1", "t-4");
            assertThat(store.tokensOfSession("s-1").get(2).sourceAddress()).contains("203.0.113.7");
            assertThat(store.roleSessionsOfSignInSession("s-1")).singleElement()
                    .satisfies(r -> assertThat(r.endedAt()).contains(ended));
            assertThat(store.purgeExpiredBefore(expires.plusSeconds(1))).isEqualTo(6);
            assertThat(store.tokensOfSession("s-1")).isEmpty();
            assertThat(store.roleSessionsOfSignInSession("s-1")).isEmpty();
        }
        assertThat(keysOnDisk("session_tokens")).isZero();
        assertThat(keysOnDisk("session_role_sessions")).isZero();
        assertThat(keysOnDisk("user_sessions")).isZero();
    }

    private long keysOnDisk(String family) throws Exception {
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
                    .indexOf(family);
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
        Map<String, byte[]> byId = new LinkedHashMap<>();
        sessions.forEach(session -> byId.put(session.id(), OlderRecords.sessionV1(session)));
        writeAsTheOlderVersionDid(families, instanceKey, Map.of("sessions", byId));
    }

    /** Creates {@code families} and writes {@code records} (family, then key and value) into them. */
    private void writeAsTheOlderVersionDid(List<String> families, byte[] instanceKey,
                                           Map<String, Map<String, byte[]>> records) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        Stream.concat(Stream.of("default"), families.stream())
                .map(name -> new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)))
                .forEach(descriptors::add);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(options, dataDir.toString(), descriptors, handles)) {
            db.put(handles.get(0), "instance-key".getBytes(StandardCharsets.UTF_8), instanceKey);
            for (Map.Entry<String, Map<String, byte[]>> family : records.entrySet()) {
                ColumnFamilyHandle handle = handles.get(1 + families.indexOf(family.getKey()));
                for (Map.Entry<String, byte[]> record : family.getValue().entrySet()) {
                    db.put(handle, record.getKey().getBytes(StandardCharsets.UTF_8), record.getValue());
                }
            }
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
