package dev.gatehouse.domain.store;

import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A test double of the storage port for fast domain tests: maps in memory, nothing durable. It
 * passes {@link GatehouseStoreContract} for everything but surviving a new instance, which the
 * contract's reopen handles by keeping the maps in a shared {@link Data}.
 */
public final class InMemoryStore implements GatehouseStore {
    /** The data, so that a "reopened" store sees what the closed one wrote. */
    public static final class Data {
        final Map<String, SignInSession> sessions = new ConcurrentHashMap<>();
        final Map<String, TokenRecord> tokens = new ConcurrentHashMap<>();
        final Map<String, RoleSession> roleSessions = new ConcurrentHashMap<>();
        final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
        final Map<String, DeviceAuthorization> devices = new ConcurrentHashMap<>();
        final Map<String, String> userCodes = new ConcurrentHashMap<>();
        final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
        final Map<String, Counter> counters = new ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentSkipListMap<String, AuditRecord> audit = new java.util.concurrent.ConcurrentSkipListMap<>();
        final byte[] instanceKey = RandomIds.bytes(32);
        final Map<String, StoredEntry> entries = new TreeMap<>();
        final Map<String, String> uniqueKeys = new HashMap<>();
        final TreeMap<Long, List<LogLine>> log = new TreeMap<>();
        long version;
        long logFloor;

        /** How many counters are stored, expired or not: what a test counts writes by. */
        public int counterCount() {
            return counters.size();
        }
    }

    private record LogLine(String kind, String id, Instant at) {
    }

    private final Data data;

    public InMemoryStore() {
        this(new Data());
    }

    public InMemoryStore(Data data) {
        this.data = data;
    }

    public Data data() {
        return data;
    }

    @Override
    public void createSession(SignInSession session) {
        data.sessions.put(session.id(), session);
    }

    @Override
    public List<SignInSession> sessionsOfUser(String userId) {
        return data.sessions.values().stream().filter(s -> s.userId().equals(userId))
                .sorted(java.util.Comparator.comparing(SignInSession::createdAt).thenComparing(SignInSession::id))
                .toList();
    }

    @Override
    public Optional<SignInSession> findSession(String sessionId) {
        return Optional.ofNullable(data.sessions.get(sessionId));
    }

    @Override
    public void endSession(String sessionId, Instant endedAt) {
        data.sessions.computeIfPresent(sessionId, (id, s) -> s.endedAt().isPresent() ? s : s.endedAt(endedAt));
    }

    @Override
    public void saveToken(TokenRecord token) {
        data.tokens.put(token.id(), token);
    }

    @Override
    public List<TokenRecord> tokensOfSession(String sessionId) {
        return data.tokens.values().stream().filter(t -> t.sessionId().equals(sessionId))
                .sorted(java.util.Comparator.comparing(TokenRecord::issuedAt).thenComparing(TokenRecord::id))
                .toList();
    }

    @Override
    public Optional<TokenRecord> findToken(String tokenId) {
        return Optional.ofNullable(data.tokens.get(tokenId));
    }

    @Override
    public Optional<TokenRecord> updateToken(String tokenId, UnaryOperator<TokenRecord> change) {
        return update(data.tokens, tokenId, change);
    }

    @Override
    public void saveRoleSession(RoleSession roleSession) {
        data.roleSessions.put(roleSession.accessKeyId(), roleSession);
    }

    @Override
    public Optional<RoleSession> findRoleSession(String accessKeyId) {
        return Optional.ofNullable(data.roleSessions.get(accessKeyId));
    }

    @Override
    public List<RoleSession> roleSessionsOfSignInSession(String signInSessionId) {
        return data.roleSessions.values().stream().filter(r -> r.signInSessionId().equals(signInSessionId))
                .sorted(java.util.Comparator.comparing(RoleSession::issuedAt).thenComparing(RoleSession::accessKeyId))
                .toList();
    }

    @Override
    public void endRoleSession(String accessKeyId, Instant endedAt) {
        data.roleSessions.computeIfPresent(accessKeyId, (id, r) -> r.endedAt().isPresent() ? r : r.endedAt(endedAt));
    }

    @Override
    public void appendAudit(List<AuditRecord> records) {
        for (AuditRecord record : records) {
            data.audit.putIfAbsent(record.id(), record);
        }
    }

    @Override
    public AuditPage findAudit(AuditQuery query) {
        String top = query.idsBelow();
        List<AuditRecord> found = new ArrayList<>();
        int scanned = 0;
        String last = null;
        for (AuditRecord record : data.audit.headMap(top, false).descendingMap().values()) {
            if (record.time().isBefore(query.from())) {
                return new AuditPage(found, Optional.empty());
            }
            scanned++;
            last = record.id();
            if (query.matches(record)) {
                found.add(record);
                if (found.size() == query.limit()) {
                    return new AuditPage(found, Optional.of(last));
                }
            }
            if (scanned == query.scanLimit()) {
                return new AuditPage(found, Optional.of(last));
            }
        }
        return new AuditPage(found, Optional.empty());
    }

    @Override
    public void saveClient(RegisteredClient client) {
        data.clients.put(client.clientId(), client);
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return Optional.ofNullable(data.clients.get(clientId));
    }

    @Override
    public synchronized boolean saveDeviceAuthorization(DeviceAuthorization authorization) {
        if (data.devices.containsKey(authorization.id())
                || data.userCodes.putIfAbsent(authorization.userCode(), authorization.id()) != null) {
            return false;
        }
        data.devices.put(authorization.id(), authorization);
        return true;
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorization(String id) {
        return Optional.ofNullable(data.devices.get(id));
    }

    @Override
    public Optional<DeviceAuthorization> findDeviceAuthorizationByUserCode(String userCode) {
        return Optional.ofNullable(data.userCodes.get(userCode)).flatMap(this::findDeviceAuthorization);
    }

    @Override
    public Optional<DeviceAuthorization> updateDeviceAuthorization(String id, UnaryOperator<DeviceAuthorization> change) {
        return update(data.devices, id, change);
    }

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        data.codes.put(code.id(), code);
    }

    @Override
    public Optional<AuthorizationCode> findAuthorizationCode(String id) {
        return Optional.ofNullable(data.codes.get(id));
    }

    @Override
    public Optional<AuthorizationCode> updateAuthorizationCode(String id, UnaryOperator<AuthorizationCode> change) {
        return update(data.codes, id, change);
    }

    @Override
    public byte[] instanceKey() {
        return data.instanceKey.clone();
    }

    @Override
    public Counter incrementCounter(String key, Instant at, Instant expiresAt) {
        return data.counters.compute(key, (k, current) -> Counter.incremented(current, k, at, expiresAt));
    }

    @Override
    public boolean raiseCounter(String key, long value, Instant at, Instant expiresAt) {
        boolean[] raised = {false};
        data.counters.compute(key, (k, current) -> {
            raised[0] = Counter.isRaisedBy(current, value, at);
            return raised[0] ? new Counter(k, value, at, expiresAt) : current;
        });
        return raised[0];
    }

    @Override
    public void decrementCounter(String key) {
        data.counters.computeIfPresent(key, (k, current) -> Counter.decremented(current));
    }

    @Override
    public Optional<Counter> findCounter(String key, Instant now) {
        return Optional.ofNullable(data.counters.get(key)).filter(c -> !c.isExpiredAt(now));
    }

    @Override
    public void deleteCounter(String key) {
        data.counters.remove(key);
    }

    @Override
    public DirectorySnapshot loadDirectory() {
        synchronized (data) {
            return new DirectorySnapshot(data.version, List.copyOf(data.entries.values()));
        }
    }

    @Override
    public DirectoryChanges directoryChangesAfter(long version) {
        synchronized (data) {
            if (version < data.logFloor) {
                return DirectoryChanges.incomplete(data.version);
            }
            List<DirectoryChanges.Change> changes = new ArrayList<>();
            data.log.tailMap(version, false).forEach((v, lines) -> lines.forEach(line -> changes.add(
                    new DirectoryChanges.Change(v, line.kind(), line.id(),
                            Optional.ofNullable(data.entries.get(entryKey(line.kind(), line.id())))))));
            return new DirectoryChanges(Math.max(version, data.version), true, changes);
        }
    }

    @Override
    public long writeDirectory(List<EntryWrite> writes, Instant at) {
        synchronized (data) {
            Map<String, String> keys = new HashMap<>(data.uniqueKeys);
            Map<String, StoredEntry> entries = new TreeMap<>(data.entries);
            for (EntryWrite write : writes) {
                String entryKey = entryKey(write.kind(), write.id());
                StoredEntry old = entries.remove(entryKey);
                if (old != null) {
                    old.uniqueKeys().forEach(k -> keys.remove(k, entryKey));
                }
                if (write instanceof EntryWrite.Put put) {
                    for (String k : put.entry().uniqueKeys()) {
                        String holder = keys.putIfAbsent(k, entryKey);
                        if (holder != null && !holder.equals(entryKey)) {
                            throw new UniqueKeyTakenException(k);
                        }
                    }
                    entries.put(entryKey, put.entry());
                }
            }
            data.uniqueKeys.clear();
            data.uniqueKeys.putAll(keys);
            data.entries.clear();
            data.entries.putAll(entries);
            data.version++;
            List<LogLine> lines = new ArrayList<>();
            for (EntryWrite write : writes) {
                lines.add(new LogLine(write.kind(), write.id(), at));
            }
            data.log.put(data.version, lines);
            return data.version;
        }
    }

    private static String entryKey(String kind, String id) {
        return kind + "/" + id;
    }

    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        synchronized (data) {
            Instant logCutoff = cutoff.minus(LOG_KEPT_FOR);
            while (!data.log.isEmpty() && data.log.firstEntry().getValue().get(0).at().isBefore(logCutoff)) {
                data.logFloor = data.log.pollFirstEntry().getKey();
            }
        }
        long before = count();
        data.sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
        data.tokens.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
        data.roleSessions.values().removeIf(r -> r.expiresAt().isBefore(cutoff));
        data.clients.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        data.devices.values().removeIf(d -> d.expiresAt().isBefore(cutoff));
        data.userCodes.values().removeIf(id -> !data.devices.containsKey(id));
        data.codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        data.counters.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        data.audit.values().removeIf(a -> a.expiresAt().isBefore(cutoff));
        return before - count();
    }

    private long count() {
        return data.sessions.size() + data.tokens.size() + data.roleSessions.size() + data.clients.size()
                + data.devices.size() + data.userCodes.size() + data.codes.size() + data.counters.size()
                + data.audit.size();
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static <T> Optional<T> update(Map<String, T> map, String key, UnaryOperator<T> change) {
        return Optional.ofNullable(map.computeIfPresent(key, (k, current) -> change.apply(current)));
    }
}
