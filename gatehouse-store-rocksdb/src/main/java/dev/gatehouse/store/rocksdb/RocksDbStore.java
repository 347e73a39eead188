package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenRecord;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WALRecoveryMode;

/**
 * The embedded store: one RocksDB under the data directory, one column family per record kind, three
 * index families that find records by a field (sessions by user, tokens and role sessions by sign-in
 * session), and the directory's three ({@link RocksDbDirectory}). Audit records are kept by id, which
 * sorts by time, so that a query reads them newest first with one reverse scan. Writes go through
 * {@link GroupCommitter} and are fsync'd before the method returns.
 */
public final class RocksDbStore implements GatehouseStore, MeterBinder {
    private static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
    private static final byte[] INSTANCE_KEY = "instance-key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = new byte[0];
    private static final Comparator<SignInSession> OLDEST_FIRST =
            Comparator.comparing(SignInSession::createdAt).thenComparing(SignInSession::id);
    private static final Comparator<TokenRecord> TOKENS_OLDEST_FIRST =
            Comparator.comparing(TokenRecord::issuedAt).thenComparing(TokenRecord::id);
    private static final Comparator<RoleSession> ROLE_SESSIONS_OLDEST_FIRST =
            Comparator.comparing(RoleSession::issuedAt).thenComparing(RoleSession::accessKeyId);
    /** Index keys written in one batch while an index is built from the records of an older data directory. */
    private static final int INDEX_BUILD_BATCH = 10_000;

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions cfOptions;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle sessions;
    private final ColumnFamilyHandle tokens;
    private final ColumnFamilyHandle roleSessions;
    private final ColumnFamilyHandle clients;
    private final ColumnFamilyHandle deviceAuthorizations;
    private final ColumnFamilyHandle userCodes;
    private final ColumnFamilyHandle authorizationCodes;
    private final ColumnFamilyHandle counters;
    /** The sessions of each user: key {@code userId NUL sessionId}, empty value. */
    private final ColumnFamilyHandle userSessions;
    /** The tokens of each sign-in session: key {@code sessionId NUL tokenId}, empty value. */
    private final ColumnFamilyHandle sessionTokens;
    /** The role sessions of each sign-in session: key {@code signInSessionId NUL accessKeyId}, empty value. */
    private final ColumnFamilyHandle sessionRoleSessions;
    /** Audit records by id (ids sort by time). */
    private final ColumnFamilyHandle audit;
    private final List<ColumnFamilyHandle> expiring;
    /** The index families, each kept with its records: written and purged in the same batch. */
    private final List<Index> indexes;
    private final RocksDbDirectory directory;
    /** Atomic read-change-write per key: one lock stripe per key hash. */
    private final Lock[] stripes = new Lock[1024];
    /** Audit appends whose ids share a stripe wait for one another, so that the first record of an id is kept. */
    private final Lock[] auditStripes = new Lock[64];
    private final GroupCommitter committer;
    private final byte[] instanceKey;
    private volatile boolean closed;

    private RocksDbStore(RocksDB db, DBOptions options, ColumnFamilyOptions cfOptions, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.options = options;
        this.cfOptions = cfOptions;
        this.handles = handles;
        this.meta = handles.get(0);
        this.sessions = handles.get(1);
        this.tokens = handles.get(2);
        this.roleSessions = handles.get(3);
        this.clients = handles.get(4);
        this.deviceAuthorizations = handles.get(5);
        this.userCodes = handles.get(6);
        this.authorizationCodes = handles.get(7);
        this.counters = handles.get(8);
        this.userSessions = handles.get(12);
        this.sessionTokens = handles.get(13);
        this.sessionRoleSessions = handles.get(14);
        this.audit = handles.get(15);
        this.expiring = List.of(sessions, tokens, roleSessions, clients, deviceAuthorizations, userCodes,
                authorizationCodes, counters, audit);
        this.indexes = List.of(
                new Index(sessions, userSessions, "user-sessions-indexed",
                        value -> userSessionKey(RecordCodec.decodeSession(value))),
                new Index(tokens, sessionTokens, "session-tokens-indexed",
                        value -> sessionTokenKey(RecordCodec.decodeToken(value))),
                new Index(roleSessions, sessionRoleSessions, "session-role-sessions-indexed",
                        value -> sessionRoleSessionKey(RecordCodec.decodeRoleSession(value))));
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
        for (int i = 0; i < auditStripes.length; i++) {
            auditStripes[i] = new ReentrantLock();
        }
        this.committer = new GroupCommitter(db);
        this.instanceKey = loadOrCreateInstanceKey();
        this.directory = new RocksDbDirectory(db, committer, meta, handles.get(9), handles.get(10), handles.get(11));
    }

    /** Opens (creating if needed) the store in {@code directory}. */
    public static RocksDbStore open(Path directory) {
        try {
            Files.createDirectories(directory);
            // Point-in-time recovery (RocksDB's default, named so it stays the choice): after a power
            // cut the WAL is replayed up to its first torn record. Every write is synced before the
            // next one is written (GroupCommitter), so all that was acknowledged lies before it;
            // docs/durability.md has the review of these options.
            DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setKeepLogFileNum(3).setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery);
            // Every read is a point lookup by key: bloom filters skip files without the key, and
            // a block cache keeps hot blocks decoded.
            ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
                    .setTableFormatConfig(new BlockBasedTableConfig()
                            .setFilterPolicy(new BloomFilter(10))
                            .setBlockCache(new LRUCache(BLOCK_CACHE_BYTES))
                            .setWholeKeyFiltering(true));
            List<ColumnFamilyDescriptor> descriptors = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
                    new ColumnFamilyDescriptor(bytes("sessions"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("tokens"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("role_sessions"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("clients"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("device_authorizations"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("user_codes"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("authorization_codes"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("counters"), cfOptions),
                    // added with the live directory: a data directory made before it gains them at open
                    new ColumnFamilyDescriptor(bytes("directory"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("directory_keys"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("directory_log"), cfOptions),
                    // added with sessionsOfUser: built from the sessions family at the first open that has it
                    new ColumnFamilyDescriptor(bytes("user_sessions"), cfOptions),
                    // added with issue 12 (sessions under control): the two indexes are built from the
                    // tokens and role sessions at the first open that has them; the audit trail starts empty
                    new ColumnFamilyDescriptor(bytes("session_tokens"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("session_role_sessions"), cfOptions),
                    new ColumnFamilyDescriptor(bytes("audit"), cfOptions));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(options, directory.toString(), descriptors, handles);
            RocksDbStore store = new RocksDbStore(db, options, cfOptions, handles);
            try {
                store.buildIndexesOnce();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (RocksDBException | java.io.IOException e) {
            throw new StoreUnavailableException("Cannot open the store in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void createSession(SignInSession session) {
        putIndexed(sessions, session.id(), RecordCodec.encode(session), userSessions, userSessionKey(session));
    }

    @Override
    public List<SignInSession> sessionsOfUser(String userId) {
        return findByIndex(userSessions, userId, this::findSession, OLDEST_FIRST);
    }

    @Override
    public Optional<SignInSession> findSession(String sessionId) {
        return get(sessions, sessionId, RecordCodec::decodeSession);
    }

    @Override
    public void endSession(String sessionId, Instant endedAt) {
        update(sessions, sessionId, RecordCodec::decodeSession, RecordCodec::encode,
                s -> s.endedAt().isPresent() ? s : s.endedAt(endedAt));
    }

    @Override
    public void saveToken(TokenRecord token) {
        putIndexed(tokens, token.id(), RecordCodec.encode(token), sessionTokens, sessionTokenKey(token));
    }

    @Override
    public List<TokenRecord> tokensOfSession(String sessionId) {
        return findByIndex(sessionTokens, sessionId, this::findToken, TOKENS_OLDEST_FIRST);
    }

    @Override
    public Optional<TokenRecord> findToken(String tokenId) {
        return get(tokens, tokenId, RecordCodec::decodeToken);
    }

    @Override
    public Optional<TokenRecord> updateToken(String tokenId, UnaryOperator<TokenRecord> change) {
        return update(tokens, tokenId, RecordCodec::decodeToken, RecordCodec::encode, change);
    }

    @Override
    public void saveClient(RegisteredClient client) {
        byte[] value = RecordCodec.encode(client);
        committer.commit(batch -> put(batch, clients, client.clientId(), value));
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return get(clients, clientId, RecordCodec::decodeClient);
    }

    @Override
    public boolean saveDeviceAuthorization(DeviceAuthorization authorization) {
        byte[] value = RecordCodec.encode(authorization);
        byte[] index = RecordCodec.encodeUserCodeIndex(authorization);
        // every writer of a user code's index entry holds that code's lock
        return withLock(authorization.userCode(), () -> {
            if (get(userCodes, authorization.userCode(), RecordCodec::decodeUserCodeIndex).isPresent()
                    || findDeviceAuthorization(authorization.id()).isPresent()) {
                return false;
            }
            committer.commit(batch -> {
                put(batch, deviceAuthorizations, authorization.id(), value);
                put(batch, userCodes, authorization.userCode(), index);
            });
            return true;
        });
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorization(String id) {
        return get(deviceAuthorizations, id, RecordCodec::decodeDeviceAuthorization);
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorizationByUserCode(String userCode) {
        return get(userCodes, userCode, RecordCodec::decodeUserCodeIndex).flatMap(this::findDeviceAuthorization);
    }

    @Override
    public Optional<DeviceAuthorization> updateDeviceAuthorization(String id, UnaryOperator<DeviceAuthorization> change) {
        return update(deviceAuthorizations, id, RecordCodec::decodeDeviceAuthorization, RecordCodec::encode, change);
    }

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        byte[] value = RecordCodec.encode(code);
        committer.commit(batch -> put(batch, authorizationCodes, code.id(), value));
    }

    @Override
    public Optional<AuthorizationCode> findAuthorizationCode(String id) {
        return get(authorizationCodes, id, RecordCodec::decodeAuthorizationCode);
    }

    @Override
    public Optional<AuthorizationCode> updateAuthorizationCode(String id, UnaryOperator<AuthorizationCode> change) {
        return update(authorizationCodes, id, RecordCodec::decodeAuthorizationCode, RecordCodec::encode, change);
    }

    @Override
    public void saveRoleSession(RoleSession roleSession) {
        putIndexed(roleSessions, roleSession.accessKeyId(), RecordCodec.encode(roleSession), sessionRoleSessions,
                sessionRoleSessionKey(roleSession));
    }

    @Override
    public Optional<RoleSession> findRoleSession(String accessKeyId) {
        return get(roleSessions, accessKeyId, RecordCodec::decodeRoleSession);
    }

    @Override
    public List<RoleSession> roleSessionsOfSignInSession(String signInSessionId) {
        return findByIndex(sessionRoleSessions, signInSessionId, this::findRoleSession, ROLE_SESSIONS_OLDEST_FIRST);
    }

    @Override
    public void endRoleSession(String accessKeyId, Instant endedAt) {
        update(roleSessions, accessKeyId, RecordCodec::decodeRoleSession, RecordCodec::encode,
                r -> r.endedAt().isPresent() ? r : r.endedAt(endedAt));
    }

    /**
     * One durable batch of the records whose ids are not stored yet (of one id given twice, the first),
     * written with the locks of their ids held, so that a concurrent append of an id cannot replace it.
     */
    @Override
    public void appendAudit(List<AuditRecord> records) {
        requireOpen();
        Map<String, byte[]> values = new LinkedHashMap<>();
        records.forEach(record -> values.computeIfAbsent(record.id(), id -> RecordCodec.encode(record)));
        if (values.isEmpty()) {
            return;
        }
        withLocks(auditStripes, values.keySet(), () -> {
            values.keySet().removeIf(id -> get(audit, id, bytes -> bytes).isPresent());
            if (!values.isEmpty()) {
                committer.commit(batch -> values.forEach((id, value) -> put(batch, audit, id, value)));
            }
            return null;
        });
    }

    /**
     * Reads back from the newest id below {@link AuditQuery#idsBelow()} towards older ones, and stops at
     * {@link AuditQuery#idsFrom()}, at a full page or after {@link AuditQuery#scanLimit()} records read.
     */
    @Override
    public AuditPage findAudit(AuditQuery query) {
        requireOpen();
        byte[] below = bytes(query.idsBelow());
        byte[] from = bytes(query.idsFrom());
        List<AuditRecord> found = new ArrayList<>();
        int scanned = 0;
        try (RocksIterator it = db.newIterator(audit)) {
            it.seekForPrev(below);
            if (it.isValid() && Arrays.equals(it.key(), below)) {
                it.prev();
            }
            for (; it.isValid() && Arrays.compareUnsigned(it.key(), from) >= 0; it.prev()) {
                AuditRecord record = RecordCodec.decodeAudit(it.value());
                scanned++;
                if (query.matches(record)) {
                    found.add(record);
                }
                if (found.size() == query.limit() || scanned == query.scanLimit()) {
                    return new AuditPage(found, Optional.of(record.id()));
                }
            }
        }
        return new AuditPage(found, Optional.empty());
    }

    @Override
    public Counter incrementCounter(String key, Instant at, Instant expiresAt) {
        return compute(counters, key, RecordCodec::decodeCounter, RecordCodec::encode,
                current -> Optional.of(Counter.incremented(current.orElse(null), key, at, expiresAt))).orElseThrow();
    }

    @Override
    public boolean raiseCounter(String key, long value, Instant at, Instant expiresAt) {
        Counter raised = new Counter(key, value, at, expiresAt);
        return compute(counters, key, RecordCodec::decodeCounter, RecordCodec::encode,
                current -> Counter.isRaisedBy(current.orElse(null), value, at) ? Optional.of(raised) : current)
                .orElseThrow() == raised;
    }

    @Override
    public void decrementCounter(String key) {
        update(counters, key, RecordCodec::decodeCounter, RecordCodec::encode, Counter::decremented);
    }

    @Override
    public Optional<Counter> findCounter(String key, Instant now) {
        return get(counters, key, RecordCodec::decodeCounter).filter(c -> !c.isExpiredAt(now));
    }

    @Override
    public void deleteCounter(String key) {
        byte[] k = bytes(key);
        withLock(key, () -> {
            committer.commit(batch -> delete(batch, counters, k));
            return null;
        });
    }

    @Override
    public byte[] instanceKey() {
        return instanceKey.clone();
    }

    @Override
    public DirectorySnapshot loadDirectory() {
        requireOpen();
        return directory.load();
    }

    @Override
    public DirectoryChanges directoryChangesAfter(long version) {
        requireOpen();
        return directory.changesAfter(version);
    }

    @Override
    public long writeDirectory(List<EntryWrite> writes, Instant at) {
        requireOpen();
        return directory.write(writes, at);
    }

    /** Deletes the expired records with their index keys; counts the records, not the index keys. */
    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        requireOpen();
        Map<ColumnFamilyHandle, List<byte[]>> expired = new LinkedHashMap<>();
        long count = 0;
        for (ColumnFamilyHandle family : expiring) {
            Optional<Index> index = indexes.stream().filter(i -> i.records() == family).findFirst();
            List<byte[]> keys = new ArrayList<>();
            List<byte[]> indexKeys = new ArrayList<>();
            try (RocksIterator it = db.newIterator(family)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    if (RecordCodec.expiresAt(it.value()).isBefore(cutoff)) {
                        keys.add(it.key());
                        if (index.isPresent()) {
                            indexKeys.add(index.get().keyOfRecord().apply(it.value()));
                        }
                    }
                }
            }
            count += keys.size();
            expired.put(family, keys);
            index.ifPresent(i -> expired.put(i.keys(), indexKeys));
        }
        if (count > 0) {
            committer.commit(batch -> expired.forEach((family, keys) -> keys.forEach(key -> delete(batch, family, key))));
        }
        return count + directory.purgeLogBefore(cutoff);
    }

    @Override
    public Optional<String> unavailableReason() {
        return closed ? Optional.of("the store is closed") : Optional.empty();
    }

    /** Writes committed so far and the number of fsync'd groups they took. */
    public long[] commitStats() {
        return committer.stats();
    }

    /** The group commit: writes made durable, and the fsync'd groups they took (writes / groups = group size). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("gatehouse.store.commit.writes", committer, c -> c.stats()[0])
                .description("Writes made durable by the RocksDB group commit")
                .register(registry);
        FunctionCounter.builder("gatehouse.store.commit.groups", committer, c -> c.stats()[1])
                .description("Fsync'd groups of writes of the RocksDB group commit")
                .register(registry);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.close();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        cfOptions.close();
    }

    private byte[] loadOrCreateInstanceKey() {
        try {
            byte[] existing = db.get(meta, INSTANCE_KEY);
            if (existing != null) {
                return existing;
            }
            byte[] created = RandomIds.bytes(32);
            committer.commit(batch -> {
                try {
                    batch.put(meta, INSTANCE_KEY, created);
                } catch (RocksDBException e) {
                    throw new IllegalStateException(e);
                }
            });
            return created;
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("Cannot read the instance key: " + e.getMessage(), e);
        }
    }

    /**
     * An index family: the key {@code field NUL id} of each record of {@code records}, with an empty
     * value; {@code builtMarker} is present in the meta family once every record older than the index
     * has its key.
     */
    private record Index(ColumnFamilyHandle records, ColumnFamilyHandle keys, String builtMarker,
                         Function<byte[], byte[]> keyOfRecord) {
    }

    /**
     * Builds each index from its records, once: a data directory made before an index has records but
     * no index keys. The keys go in batches, and the marker that says the index is done comes with the
     * last, so an open cut short builds it again at the next (writing a key twice changes nothing).
     */
    private void buildIndexesOnce() {
        for (Index index : indexes) {
            byte[] marker = bytes(index.builtMarker());
            try {
                if (db.get(meta, marker) != null) {
                    continue;
                }
            } catch (RocksDBException e) {
                throw new StoreUnavailableException("Cannot read the store's meta data: " + e.getMessage(), e);
            }
            List<byte[]> indexKeys = new ArrayList<>();
            try (RocksIterator it = db.newIterator(index.records())) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    indexKeys.add(index.keyOfRecord().apply(it.value()));
                    if (indexKeys.size() == INDEX_BUILD_BATCH) {
                        List<byte[]> full = List.copyOf(indexKeys);
                        committer.commit(batch -> full.forEach(key -> put(batch, index.keys(), key, EMPTY)));
                        indexKeys.clear();
                    }
                }
            }
            committer.commit(batch -> {
                indexKeys.forEach(key -> put(batch, index.keys(), key, EMPTY));
                put(batch, meta, marker, EMPTY);
            });
        }
    }

    /** Writes a record and its key in an index family in one durable batch. */
    private void putIndexed(ColumnFamilyHandle family, String id, byte[] value, ColumnFamilyHandle index,
                            byte[] indexKey) {
        committer.commit(batch -> {
            put(batch, family, id, value);
            put(batch, index, indexKey, EMPTY);
        });
    }

    /**
     * The records an index family lists under {@code field}, in {@code order}. An index key and its
     * record are written and purged in one batch; a record missing all the same is skipped.
     */
    private <T> List<T> findByIndex(ColumnFamilyHandle index, String field, Function<String, Optional<T>> find,
                                    Comparator<T> order) {
        requireOpen();
        byte[] prefix = bytes(field + '\0');
        List<String> ids = new ArrayList<>();
        try (RocksIterator it = db.newIterator(index)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                ids.add(new String(it.key(), prefix.length, it.key().length - prefix.length, StandardCharsets.UTF_8));
            }
        }
        List<T> found = new ArrayList<>();
        for (String id : ids) {
            find.apply(id).ifPresent(found::add);
        }
        found.sort(order);
        return List.copyOf(found);
    }

    private static byte[] indexKey(String field, String id) {
        return bytes(field + '\0' + id);
    }

    private static byte[] userSessionKey(SignInSession session) {
        return indexKey(session.userId(), session.id());
    }

    private static byte[] sessionTokenKey(TokenRecord token) {
        return indexKey(token.sessionId(), token.id());
    }

    private static byte[] sessionRoleSessionKey(RoleSession roleSession) {
        return indexKey(roleSession.signInSessionId(), roleSession.accessKeyId());
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Changes an existing record (see {@link #compute}); empty, and nothing written, when there is none. */
    private <T> Optional<T> update(ColumnFamilyHandle family, String key, Function<byte[], T> decode,
                                   Function<T, byte[]> encode, UnaryOperator<T> change) {
        return compute(family, key, decode, encode, current -> current.map(change));
    }

    /**
     * Read, change, write, with the key's lock held through the durable commit, so that two changes
     * of one record never interleave. {@code change} sees the record, or empty when there is none;
     * nothing is written when it returns empty or the same object, or throws.
     */
    private <T> Optional<T> compute(ColumnFamilyHandle family, String key, Function<byte[], T> decode,
                                    Function<T, byte[]> encode, UnaryOperator<Optional<T>> change) {
        return withLock(key, () -> {
            Optional<T> current = get(family, key, decode);
            Optional<T> next = change.apply(current);
            if (next.isPresent() && (current.isEmpty() || next.get() != current.get())) {
                byte[] value = encode.apply(next.get());
                committer.commit(batch -> put(batch, family, key, value));
            }
            return next;
        });
    }

    /**
     * Runs {@code work} with the key's lock held, through its durable commit, so that two changes of
     * one record never interleave.
     */
    private <T> T withLock(String key, Supplier<T> work) {
        Lock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} with the stripes of all {@code keys} held, taken in ascending order so that two
     * callers never wait for each other's.
     */
    private static <T> T withLocks(Lock[] stripeSet, Collection<String> keys, Supplier<T> work) {
        TreeSet<Integer> taken = new TreeSet<>();
        keys.forEach(key -> taken.add(Math.floorMod(key.hashCode(), stripeSet.length)));
        List<Lock> held = new ArrayList<>();
        try {
            for (int stripe : taken) {
                stripeSet[stripe].lock();
                held.add(stripeSet[stripe]);
            }
            return work.get();
        } finally {
            held.reversed().forEach(Lock::unlock);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreUnavailableException("The store is closed", null);
        }
    }

    private <T> Optional<T> get(ColumnFamilyHandle family, String key, Function<byte[], T> decode) {
        requireOpen();
        try {
            byte[] value = db.get(family, bytes(key));
            return value == null ? Optional.empty() : Optional.of(decode.apply(value));
        } catch (RocksDBException e) {
            throw new StoreUnavailableException("The store could not read: " + e.getMessage(), e);
        }
    }

    private static void put(org.rocksdb.WriteBatch batch, ColumnFamilyHandle family, String key, byte[] value) {
        put(batch, family, bytes(key), value);
    }

    private static void put(org.rocksdb.WriteBatch batch, ColumnFamilyHandle family, byte[] key, byte[] value) {
        try {
            batch.put(family, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(org.rocksdb.WriteBatch batch, ColumnFamilyHandle family, byte[] key) {
        try {
            batch.delete(family, key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Opens the store in {@code directory} for reading only, for {@code gatehouse directory export}: a
     * read-only open takes no lock, so it works beside a service that holds the store, and sees what was
     * durable when it opened. Every column family on disk is opened in the order it was made, which is the
     * order {@link #open} names them in (its constructor takes them by position). Writes through it fail.
     */
    public static RocksDbStore openReadOnly(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new StoreUnavailableException("There is no store in " + directory, null);
        }
        DBOptions options = new DBOptions();
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
        try (org.rocksdb.Options listing = new org.rocksdb.Options()) {
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(listing, directory.toString())) {
                descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.openReadOnly(options, directory.toString(), descriptors, handles);
            try {
                return new RocksDbStore(db, options, cfOptions, handles);
            } catch (RuntimeException e) {
                handles.forEach(ColumnFamilyHandle::close);
                db.close();
                if (e instanceof IndexOutOfBoundsException) {
                    throw new StoreUnavailableException("The store in " + directory + " lacks column families this "
                            + "version keeps (serve it once with this version first)", e);
                }
                throw e;
            }
        } catch (RocksDBException e) {
            options.close();
            cfOptions.close();
            throw new StoreUnavailableException("Cannot open the store in " + directory + " to read: "
                    + e.getMessage(), e);
        }
    }
}
