package dev.gatehouse.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditIds;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditQuery;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link GatehouseStore} adapter must do. An adapter's test extends this class and says
 * how to open (and reopen) its store.
 */
public abstract class GatehouseStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    protected Path dataDir;
    protected GatehouseStore store;

    /** Opens the adapter's store on {@code dataDir}; called again after {@link GatehouseStore#close()}. */
    protected abstract GatehouseStore open(Path dataDir);

    @BeforeEach
    void openStore() {
        store = open(dataDir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = open(dataDir);
    }

    private static SignInSession session(String id) {
        return new SignInSession(id, "alice", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
    }

    private static TokenRecord token(String sessionId) {
        BearerToken token = BearerToken.generate(TokenKind.ACCESS);
        return new TokenRecord(token.id(), TokenKind.ACCESS, token.hash(), sessionId, "client-1", NOW,
                NOW.plus(Duration.ofHours(1)), Optional.empty());
    }

    @Test
    void sessionSurvivesReopen() {
        store.createSession(session("s1"));
        reopen();
        assertThat(store.findSession("s1")).contains(session("s1"));
        assertThat(store.findSession("nope")).isEmpty();
    }

    @Test
    void aUsersSessionsAreFoundByUserOldestFirst() {
        SignInSession first = new SignInSession("s1", "user-a", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
        SignInSession second = new SignInSession("s2", "user-a", NOW.plusSeconds(5), NOW.plus(Duration.ofHours(8)),
                Optional.empty());
        SignInSession other = new SignInSession("s3", "user-b", NOW, NOW.plus(Duration.ofHours(8)), Optional.empty());
        store.createSession(second);
        store.createSession(other);
        store.createSession(first);
        Instant ended = NOW.plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        store.endSession("s1", ended);
        reopen();
        assertThat(store.sessionsOfUser("user-a")).containsExactly(first.endedAt(ended), second);
        assertThat(store.sessionsOfUser("user-b")).containsExactly(other);
        assertThat(store.sessionsOfUser("nobody")).isEmpty();
        store.purgeExpiredBefore(NOW.plus(Duration.ofHours(9)));
        assertThat(store.sessionsOfUser("user-a")).isEmpty();
    }

    @Test
    void endedSessionStaysEnded() {
        store.createSession(session("s1"));
        Instant ended = NOW.plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        store.endSession("s1", ended);
        store.endSession("s1", ended.plusSeconds(60));
        reopen();
        assertThat(store.findSession("s1").orElseThrow().endedAt()).contains(ended);
    }

    @Test
    void endingAnUnknownSessionWritesNothing() {
        store.endSession("ghost", NOW);
        assertThat(store.findSession("ghost")).isEmpty();
    }

    @Test
    void tokenRoundTripKeepsOnlyTheHash() {
        TokenRecord record = token("s1");
        store.saveToken(record);
        reopen();
        TokenRecord found = store.findToken(record.id()).orElseThrow();
        assertThat(found.hash()).isEqualTo(record.hash());
        assertThat(found.sessionId()).isEqualTo("s1");
        assertThat(found.kind()).isEqualTo(TokenKind.ACCESS);
        assertThat(found.expiresAt()).isEqualTo(record.expiresAt());
    }

    @Test
    void tokenIsReadWithItsSession() {
        store.createSession(session("s1"));
        TokenRecord token = token("s1");
        store.saveToken(token);
        TokenRecord orphan = token("gone");
        store.saveToken(orphan);

        TokenWithSession found = store.findTokenWithSession(token.id()).orElseThrow();
        assertThat(found.token().id()).isEqualTo(token.id());
        assertThat(found.token().hash()).isEqualTo(token.hash());
        assertThat(found.session()).contains(session("s1"));
        Instant ended = NOW.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        store.endSession("s1", ended);
        assertThat(store.findTokenWithSession(token.id()).orElseThrow().session().orElseThrow().endedAt())
                .contains(ended);
        assertThat(store.findTokenWithSession(orphan.id()).orElseThrow().session()).isEmpty();
        assertThat(store.findTokenWithSession("nope")).isEmpty();
    }

    @Test
    void roleSessionRoundTrip() {
        RoleSession role = new RoleSession("ASIAABCDEFGHIJKLMNOP", new byte[32], "111111111111", "Admin", "alice",
                "s1", NOW, NOW.plus(Duration.ofHours(1)));
        store.saveRoleSession(role);
        reopen();
        RoleSession found = store.findRoleSession(role.accessKeyId()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(role);
    }

    @Test
    void instanceKeyIsStableAcrossReopen() {
        byte[] first = store.instanceKey();
        assertThat(first).hasSize(32);
        reopen();
        assertThat(store.instanceKey()).isEqualTo(first);
    }

    @Test
    void purgeRemovesOnlyExpiredRecords() {
        store.createSession(session("old"));
        TokenRecord oldToken = token("old");
        store.saveToken(oldToken);
        long purged = store.purgeExpiredBefore(NOW.plus(Duration.ofHours(2)));
        assertThat(purged).isEqualTo(1);
        assertThat(store.findToken(oldToken.id())).isEmpty();
        assertThat(store.findSession("old")).isPresent();
    }

    @Test
    void concurrentWritesAreAllDurable() throws Exception {
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "s" + i).toList();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = ids.stream().<Future<?>>map(id -> pool.submit(() -> {
                store.createSession(session(id));
                store.endSession(id, NOW.plusSeconds(1));
            })).toList();
            for (Future<?> f : done) {
                f.get();
            }
        }
        reopen();
        assertThat(ids).allSatisfy(id -> assertThat(store.findSession(id).orElseThrow().endedAt()).isPresent());
    }

    private static DeviceAuthorization device(String id, String userCode) {
        return new DeviceAuthorization(id, new byte[32], userCode, "client-1", "botocore-client-x",
                List.of("sso:account:access"), NOW, NOW.plus(Duration.ofMinutes(10)), 1, 0, Optional.empty(),
                DeviceAuthorization.State.PENDING, Optional.empty());
    }

    @Test
    void clientRoundTrip() {
        RegisteredClient client = new RegisteredClient("c1", new byte[32], "botocore-client-dev", "public",
                List.of("sso:account:access"), List.of("http://127.0.0.1/oauth/callback"),
                List.of("authorization_code", "refresh_token"), NOW, NOW.plus(Duration.ofDays(90)));
        store.saveClient(client);
        reopen();
        assertThat(store.findClient("c1").orElseThrow()).usingRecursiveComparison().isEqualTo(client);
        assertThat(store.findClient("c2")).isEmpty();
    }

    @Test
    void deviceAuthorizationIsFoundByIdAndUserCode() {
        store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"));
        reopen();
        assertThat(store.findDeviceAuthorization("d1").orElseThrow().userCode()).isEqualTo("BCDF-GHJK");
        assertThat(store.findDeviceAuthorizationByUserCode("BCDF-GHJK").orElseThrow().id()).isEqualTo("d1");
        assertThat(store.findDeviceAuthorizationByUserCode("ZZZZ-ZZZZ")).isEmpty();
    }

    @Test
    void aUserCodeStillHeldIsRefusedAndNothingIsOverwritten() {
        assertThat(store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"))).isTrue();
        store.updateDeviceAuthorization("d1", d -> d.withState(DeviceAuthorization.State.APPROVED, Optional.of("s1")));

        assertThat(store.saveDeviceAuthorization(device("d2", "BCDF-GHJK"))).isFalse();
        assertThat(store.saveDeviceAuthorization(device("d1", "LMNP-QRST"))).isFalse();
        reopen();
        assertThat(store.findDeviceAuthorization("d2")).isEmpty();
        assertThat(store.findDeviceAuthorizationByUserCode("LMNP-QRST")).isEmpty();
        DeviceAuthorization kept = store.findDeviceAuthorizationByUserCode("BCDF-GHJK").orElseThrow();
        assertThat(kept.id()).isEqualTo("d1");
        assertThat(kept.state()).isEqualTo(DeviceAuthorization.State.APPROVED);
        assertThat(store.saveDeviceAuthorization(device("d3", "LMNP-QRST"))).isTrue();
    }

    @Test
    void concurrentSavesOfOneUserCodeLetExactlyOneIn() throws Exception {
        List<Boolean> saved;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> done = IntStream.range(0, 20).mapToObj(i -> pool.submit(() ->
                    store.saveDeviceAuthorization(device("d" + i, "BCDF-GHJK")))).toList();
            saved = new ArrayList<>();
            for (Future<Boolean> f : done) {
                saved.add(f.get());
            }
        }
        assertThat(saved).containsOnlyOnce(true);
        String winner = "d" + saved.indexOf(true);
        assertThat(store.findDeviceAuthorizationByUserCode("BCDF-GHJK").orElseThrow().id()).isEqualTo(winner);
        assertThat(IntStream.range(0, 20).filter(i -> store.findDeviceAuthorization("d" + i).isPresent()).count())
                .isEqualTo(1);
    }

    @Test
    void aPurgedUserCodeCanBeGivenAgain() {
        store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"));
        store.purgeExpiredBefore(NOW.plus(Duration.ofDays(1)));
        assertThat(store.saveDeviceAuthorization(device("d2", "BCDF-GHJK"))).isTrue();
        assertThat(store.findDeviceAuthorizationByUserCode("BCDF-GHJK").orElseThrow().id()).isEqualTo("d2");
    }

    @Test
    void concurrentUpdatesOfOneRecordNeverInterleave() throws Exception {
        store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = IntStream.range(0, 50).<Future<?>>mapToObj(i -> pool.submit(() ->
                    store.updateDeviceAuthorization("d1", d -> d.polledAt(NOW)))).toList();
            for (Future<?> f : done) {
                f.get();
            }
        }
        reopen();
        assertThat(store.findDeviceAuthorization("d1").orElseThrow().polls()).isEqualTo(50);
    }

    @Test
    void anUpdateThatThrowsWritesNothing() {
        store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"));
        assertThatThrownBy(() -> store.updateDeviceAuthorization("d1", d -> {
            throw new IllegalStateException("no");
        })).hasMessage("no");
        assertThat(store.findDeviceAuthorization("d1").orElseThrow().polls()).isZero();
        assertThat(store.updateDeviceAuthorization("nope", d -> d.polledAt(NOW))).isEmpty();
    }

    @Test
    void authorizationCodeIsSpentOnce() {
        AuthorizationCode code = new AuthorizationCode("a1", new byte[32], "c1", "http://127.0.0.1:4242/oauth/callback",
                "x".repeat(43), List.of("sso:account:access"), "s1", NOW, NOW.plus(Duration.ofMinutes(5)), false);
        store.saveAuthorizationCode(code);
        assertThat(store.updateAuthorizationCode("a1", AuthorizationCode::markUsed).orElseThrow().used()).isTrue();
        reopen();
        assertThat(store.findAuthorizationCode("a1").orElseThrow())
                .usingRecursiveComparison().isEqualTo(code.markUsed());
    }

    @Test
    void tokenRotationIsDurable() {
        TokenRecord record = token("s1");
        store.saveToken(record);
        Instant rotated = NOW.plusSeconds(5);
        store.updateToken(record.id(), t -> t.rotated(rotated));
        reopen();
        assertThat(store.findToken(record.id()).orElseThrow().rotatedAt()).contains(rotated);
    }

    @Test
    void purgeCoversEveryKindOfRecord() {
        store.saveDeviceAuthorization(device("d1", "BCDF-GHJK"));
        // how an adapter counts (rows, or index entries too) is its own; what must go is the record
        // and every way to find it
        assertThat(store.purgeExpiredBefore(NOW.plus(Duration.ofDays(1)))).isPositive();
        assertThat(store.findDeviceAuthorization("d1")).isEmpty();
        assertThat(store.findDeviceAuthorizationByUserCode("BCDF-GHJK")).isEmpty();
    }

    @Test
    void counterCountsUpAndSurvivesReopen() {
        Instant later = NOW.plusSeconds(5);
        assertThat(store.incrementCounter("k", NOW, NOW.plus(Duration.ofHours(1))).value()).isEqualTo(1);
        Counter second = store.incrementCounter("k", later, later.plus(Duration.ofHours(1)));
        assertThat(second).isEqualTo(new Counter("k", 2, later, later.plus(Duration.ofHours(1))));
        reopen();
        assertThat(store.findCounter("k", later)).contains(second);
        assertThat(store.findCounter("other", later)).isEmpty();
    }

    @Test
    void expiredCounterIsGoneAndStartsAgain() {
        store.incrementCounter("k", NOW, NOW.plusSeconds(60));
        store.incrementCounter("k", NOW, NOW.plusSeconds(60));
        Instant after = NOW.plusSeconds(60);
        assertThat(store.findCounter("k", after)).isEmpty();
        assertThat(store.incrementCounter("k", after, after.plusSeconds(60)).value()).isEqualTo(1);
    }

    @Test
    void deletedCounterStartsAgain() {
        store.incrementCounter("k", NOW, NOW.plusSeconds(60));
        store.deleteCounter("k");
        store.deleteCounter("never-there");
        assertThat(store.findCounter("k", NOW)).isEmpty();
        assertThat(store.incrementCounter("k", NOW, NOW.plusSeconds(60)).value()).isEqualTo(1);
    }

    @Test
    void aDecrementGivesBackOneCountAndKeepsTheTimes() throws Exception {
        Instant expires = NOW.plus(Duration.ofMinutes(15));
        store.incrementCounter("k", NOW, expires);
        store.incrementCounter("k", NOW, expires);
        store.decrementCounter("k");
        reopen();
        assertThat(store.findCounter("k", NOW).orElseThrow())
                .isEqualTo(new Counter("k", 1, NOW, expires));
        store.decrementCounter("k");
        store.decrementCounter("k");
        store.decrementCounter("missing");
        assertThat(store.findCounter("k", NOW).orElseThrow().value()).isZero();
        assertThat(store.findCounter("missing", NOW)).isEmpty();
        assertThat(store.incrementCounter("k", NOW, expires).value()).isEqualTo(1);

        // reservations and give-backs from many threads at once add up
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = IntStream.range(0, 100).<Future<?>>mapToObj(i -> pool.submit(() -> {
                store.incrementCounter("k", NOW, expires);
                if (i % 2 == 0) {
                    store.decrementCounter("k");
                }
            })).toList();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(store.findCounter("k", NOW).orElseThrow().value()).isEqualTo(51);
    }

    @Test
    void counterIsRaisedOnlyByAHigherValue() {
        Instant until = NOW.plusSeconds(300);
        assertThat(store.raiseCounter("step", 100, NOW, until)).isTrue();
        assertThat(store.raiseCounter("step", 100, NOW, until)).isFalse();
        assertThat(store.raiseCounter("step", 99, NOW, until)).isFalse();
        assertThat(store.raiseCounter("step", 101, NOW, until)).isTrue();
        assertThat(store.findCounter("step", NOW).orElseThrow().value()).isEqualTo(101);
        assertThat(store.raiseCounter("step", 50, until, until.plusSeconds(300))).as("expired counter").isTrue();
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        int threads = 16;
        int each = 10;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> futures = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        for (int n = 0; n < each; n++) {
                            store.incrementCounter("shared", NOW, NOW.plusSeconds(600));
                        }
                        return each;
                    }))
                    .toList();
            for (Future<Integer> f : futures) {
                f.get();
            }
        }
        assertThat(store.findCounter("shared", NOW).orElseThrow().value()).isEqualTo(threads * each);
    }

    @Test
    void concurrentRaisesToOneValueSucceedOnce() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> futures = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> store.raiseCounter("step", 7, NOW, NOW.plusSeconds(60))))
                    .toList();
            long winners = 0;
            for (Future<Boolean> f : futures) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }

    @Test
    void purgeRemovesExpiredCounters() {
        store.incrementCounter("old", NOW, NOW.plusSeconds(60));
        store.incrementCounter("new", NOW, NOW.plus(Duration.ofDays(2)));
        assertThat(store.purgeExpiredBefore(NOW.plus(Duration.ofDays(1)))).isPositive();
        assertThat(store.findCounter("new", NOW)).isPresent();
        store.incrementCounter("old", NOW, NOW.plus(Duration.ofDays(3)));
        assertThat(store.findCounter("old", NOW).orElseThrow().value()).as("purged, so it starts again").isEqualTo(1);
    }

    // ---- sessions under control: origins, a session's tokens and role sessions, ending role sessions

    @Test
    void aSessionKeepsItsOriginAndOneSavedWithoutIsUnrecorded() {
        SignInSession viaDevice = new SignInSession("s1", "user-a", NOW, NOW.plus(Duration.ofHours(8)),
                Optional.empty(), new SessionOrigin(SignInMethod.DEVICE_CODE, Optional.of("botocore-client-x"),
                Optional.of("203.0.113.7"), Optional.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")));
        SignInSession inBrowser = new SignInSession("s2", "user-a", NOW.plusSeconds(1), NOW.plus(Duration.ofHours(8)),
                Optional.empty(), SessionOrigin.browser("2001:db8::1", null));
        SignInSession unrecorded = new SignInSession("s3", "user-a", NOW.plusSeconds(2), NOW.plus(Duration.ofHours(8)),
                Optional.empty());
        store.createSession(viaDevice);
        store.createSession(inBrowser);
        store.createSession(unrecorded);
        Instant ended = NOW.plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        store.endSession("s1", ended);
        reopen();
        assertThat(store.findSession("s1")).contains(viaDevice.endedAt(ended));
        assertThat(store.findSession("s2")).contains(inBrowser);
        assertThat(store.findSession("s3").orElseThrow().origin()).isEqualTo(SessionOrigin.UNRECORDED);
        assertThat(store.sessionsOfUser("user-a")).containsExactly(viaDevice.endedAt(ended), inBrowser, unrecorded);
    }

    private static TokenRecord token(String sessionId, TokenKind kind, Instant issuedAt, Duration lifetime,
                                     Optional<String> sourceAddress) {
        BearerToken token = BearerToken.generate(kind);
        return new TokenRecord(token.id(), kind, token.hash(), sessionId, "client-1", issuedAt, issuedAt.plus(lifetime),
                Optional.empty(), sourceAddress);
    }

    @Test
    void aTokenKeepsTheAddressItWasIssuedTo() {
        TokenRecord withAddress = token("s1", TokenKind.REFRESH, NOW, Duration.ofDays(30), Optional.of("198.51.100.4"));
        TokenRecord without = token("s1", TokenKind.ACCESS, NOW, Duration.ofHours(1), Optional.empty());
        store.saveToken(withAddress);
        store.saveToken(without);
        Instant rotated = NOW.plusSeconds(5);
        store.updateToken(withAddress.id(), t -> t.rotated(rotated));
        reopen();
        assertThat(store.findToken(withAddress.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(withAddress.rotated(rotated));
        assertThat(store.findToken(without.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(without);
        assertThat(store.findTokenWithSession(withAddress.id()).orElseThrow().token().sourceAddress())
                .contains("198.51.100.4");
    }

    @Test
    void aSessionsTokensAreFoundBySessionOldestFirst() {
        TokenRecord late = token("s1", TokenKind.ACCESS, NOW.plusSeconds(10), Duration.ofHours(1), Optional.empty());
        TokenRecord first = token("s1", TokenKind.BROWSER, NOW, Duration.ofHours(8), Optional.of("203.0.113.7"));
        TokenRecord middle = token("s1", TokenKind.REFRESH, NOW.plusSeconds(5), Duration.ofDays(30), Optional.empty());
        TokenRecord otherSession = token("s2", TokenKind.ACCESS, NOW.plusSeconds(1), Duration.ofHours(1),
                Optional.empty());
        store.saveToken(late);
        store.saveToken(otherSession);
        store.saveToken(first);
        store.saveToken(middle);
        Instant rotated = NOW.plusSeconds(20);
        store.updateToken(middle.id(), t -> t.rotated(rotated));
        reopen();
        assertThat(store.tokensOfSession("s1")).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(first, middle.rotated(rotated), late);
        assertThat(store.tokensOfSession("s2")).extracting(TokenRecord::id).containsExactly(otherSession.id());
        assertThat(store.tokensOfSession("nope")).isEmpty();
    }

    private static RoleSession roleSession(String accessKeyId, String signInSessionId, Instant issuedAt,
                                           Duration lifetime) {
        return new RoleSession(accessKeyId, new byte[32], "111111111111", "Admin", "alice", signInSessionId, issuedAt,
                issuedAt.plus(lifetime));
    }

    @Test
    void aSignInSessionsRoleSessionsAreFoundBySessionOldestFirst() {
        RoleSession late = roleSession("ASIAAAAAAAAAAAAAAAA1", "s1", NOW.plusSeconds(10), Duration.ofHours(1));
        RoleSession first = roleSession("ASIAAAAAAAAAAAAAAAA2", "s1", NOW, Duration.ofHours(1));
        RoleSession other = roleSession("ASIAAAAAAAAAAAAAAAA3", "s2", NOW.plusSeconds(5), Duration.ofHours(1));
        store.saveRoleSession(late);
        store.saveRoleSession(other);
        store.saveRoleSession(first);
        reopen();
        assertThat(store.roleSessionsOfSignInSession("s1")).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(first, late);
        assertThat(store.roleSessionsOfSignInSession("s2")).extracting(RoleSession::accessKeyId)
                .containsExactly(other.accessKeyId());
        assertThat(store.roleSessionsOfSignInSession("nope")).isEmpty();
    }

    @Test
    void anEndedRoleSessionStaysEndedAtTheFirstTime() {
        RoleSession role = roleSession("ASIAABCDEFGHIJKLMNOP", "s1", NOW, Duration.ofHours(1));
        store.saveRoleSession(role);
        Instant ended = NOW.plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        store.endRoleSession(role.accessKeyId(), ended);
        store.endRoleSession(role.accessKeyId(), ended.plusSeconds(60));
        store.endRoleSession("ASIAGHOSTGHOSTGHOST0", ended);
        reopen();
        assertThat(store.findRoleSession(role.accessKeyId()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(role.endedAt(ended));
        assertThat(store.roleSessionsOfSignInSession("s1")).singleElement()
                .satisfies(r -> assertThat(r.endedAt()).contains(ended));
        assertThat(store.findRoleSession("ASIAGHOSTGHOSTGHOST0")).isEmpty();
    }

    @Test
    void purgedTokensAndRoleSessionsLeaveTheirSessionsLists() {
        TokenRecord access = token("s1", TokenKind.ACCESS, NOW, Duration.ofHours(1), Optional.empty());
        TokenRecord refresh = token("s1", TokenKind.REFRESH, NOW, Duration.ofDays(30), Optional.empty());
        RoleSession shortRole = roleSession("ASIAAAAAAAAAAAAAAAA1", "s1", NOW, Duration.ofHours(1));
        RoleSession longRole = roleSession("ASIAAAAAAAAAAAAAAAA2", "s1", NOW, Duration.ofHours(12));
        store.saveToken(access);
        store.saveToken(refresh);
        store.saveRoleSession(shortRole);
        store.saveRoleSession(longRole);
        assertThat(store.purgeExpiredBefore(NOW.plus(Duration.ofHours(2)))).isPositive();
        assertThat(store.tokensOfSession("s1")).extracting(TokenRecord::id).containsExactly(refresh.id());
        assertThat(store.roleSessionsOfSignInSession("s1")).extracting(RoleSession::accessKeyId)
                .containsExactly(longRole.accessKeyId());
        reopen();
        assertThat(store.tokensOfSession("s1")).extracting(TokenRecord::id).containsExactly(refresh.id());
        assertThat(store.roleSessionsOfSignInSession("s1")).extracting(RoleSession::accessKeyId)
                .containsExactly(longRole.accessKeyId());
    }

    // ---- the audit trail

    private static AuditRecord audit(Instant time, AuditEvent event, String user, String userId) {
        return new AuditRecord(AuditIds.next(time), time, event, AuditOutcome.SUCCESS, Optional.ofNullable(user),
                Optional.ofNullable(userId), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), time.plus(Duration.ofDays(90)));
    }

    private static AuditQuery everything(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH,
                NOW.plus(Duration.ofDays(1)), Optional.empty(), limit, AuditQuery.DEFAULT_SCAN_LIMIT);
    }

    private static AuditQuery before(AuditQuery query, String before) {
        return new AuditQuery(query.userId(), query.userName(), query.event(), query.from(), query.until(),
                Optional.of(before), query.limit(), query.scanLimit());
    }

    /** Follows {@code nextBefore} to the end; every page answered is kept in {@code pages}. */
    private List<AuditRecord> allPages(AuditQuery query, List<AuditPage> pages) {
        List<AuditRecord> all = new ArrayList<>();
        AuditQuery next = query;
        while (true) {
            AuditPage page = store.findAudit(next);
            assertThat(page.records().size()).isLessThanOrEqualTo(query.limit());
            pages.add(page);
            all.addAll(page.records());
            if (page.nextBefore().isEmpty()) {
                return all;
            }
            assertThat(pages).as("pages").hasSizeLessThan(1000);
            next = before(query, page.nextBefore().get());
        }
    }

    @Test
    void auditRecordsRoundTripNewestFirst() {
        Instant t = NOW.plusMillis(123);
        AuditRecord full = new AuditRecord(AuditIds.next(t), t, AuditEvent.TOKEN_REFRESHED, AuditOutcome.FAILURE,
                Optional.of("alice"), Optional.of("user-a"), Optional.of("s1"), Optional.of("botocore-client-x"),
                Optional.of("client-1"), Optional.of("2001:db8::7"), Optional.of("req-1"),
                Map.of("grant", "refresh_token", "reason", "expired"), t.plus(Duration.ofDays(90)));
        AuditRecord bare = new AuditRecord(AuditIds.next(t.minusMillis(1)), t.minusMillis(1), AuditEvent.ADMIN_CALL,
                AuditOutcome.DENIED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), t.plus(Duration.ofDays(1)));
        AuditRecord newest = audit(t.plusSeconds(1), AuditEvent.LOGOUT, "alice", "user-a");
        store.appendAudit(List.of(bare, full));
        store.appendAudit(List.of(newest));
        store.appendAudit(List.of());
        reopen();
        AuditPage page = store.findAudit(everything(10));
        assertThat(page.records()).containsExactly(newest, full, bare);
        assertThat(page.nextBefore()).isEmpty();
    }

    @Test
    void anAuditIdAppendedAgainKeepsTheFirstRecord() {
        AuditRecord first = audit(NOW, AuditEvent.SIGN_IN_SUCCEEDED, "alice", "user-a");
        AuditRecord again = new AuditRecord(first.id(), first.time(), AuditEvent.SIGN_IN_FAILED, AuditOutcome.FAILURE,
                Optional.of("mallory"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of("reason", "replayed"), first.expiresAt());
        AuditRecord other = audit(NOW.plusMillis(1), AuditEvent.LOGOUT, "alice", "user-a");
        store.appendAudit(List.of(first));
        store.appendAudit(List.of(again, other));
        reopen();
        assertThat(store.findAudit(everything(10)).records()).containsExactly(other, first);
    }

    @Test
    void auditRecordsAreFilteredByUserIdOrUserNameAndEvent() {
        AuditRecord byBoth = audit(NOW, AuditEvent.SIGN_IN_SUCCEEDED, "alice", "user-a");
        AuditRecord byNameOnly = audit(NOW.plusMillis(1), AuditEvent.SIGN_IN_FAILED, "alice", null);
        AuditRecord byIdOnly = audit(NOW.plusMillis(2), AuditEvent.TOKEN_ISSUED, "alice.old", "user-a");
        AuditRecord bob = audit(NOW.plusMillis(3), AuditEvent.SIGN_IN_SUCCEEDED, "bob", "user-b");
        AuditRecord nobody = audit(NOW.plusMillis(4), AuditEvent.ADMIN_CALL, null, null);
        store.appendAudit(List.of(byBoth, byNameOnly, byIdOnly, bob, nobody));

        AuditQuery all = everything(10);
        assertThat(store.findAudit(new AuditQuery(Optional.of("user-a"), Optional.of("alice"), Optional.empty(),
                all.from(), all.until(), Optional.empty(), 10, 100)).records())
                .containsExactly(byIdOnly, byNameOnly, byBoth);
        assertThat(store.findAudit(new AuditQuery(Optional.of("user-a"), Optional.empty(), Optional.empty(),
                all.from(), all.until(), Optional.empty(), 10, 100)).records()).containsExactly(byIdOnly, byBoth);
        assertThat(store.findAudit(new AuditQuery(Optional.empty(), Optional.of("alice"), Optional.empty(),
                all.from(), all.until(), Optional.empty(), 10, 100)).records()).containsExactly(byNameOnly, byBoth);
        assertThat(store.findAudit(new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of(AuditEvent.SIGN_IN_SUCCEEDED), all.from(), all.until(), Optional.empty(), 10, 100))
                .records()).containsExactly(bob, byBoth);
        assertThat(store.findAudit(new AuditQuery(Optional.of("user-a"), Optional.of("alice"),
                Optional.of(AuditEvent.SIGN_IN_FAILED), all.from(), all.until(), Optional.empty(), 10, 100))
                .records()).containsExactly(byNameOnly);
        assertThat(store.findAudit(new AuditQuery(Optional.of("user-z"), Optional.empty(), Optional.empty(),
                all.from(), all.until(), Optional.empty(), 10, 100)).records()).isEmpty();
        assertThat(store.findAudit(all).records()).containsExactly(nobody, bob, byIdOnly, byNameOnly, byBoth);
    }

    @Test
    void auditTimeBoundsAreExactToTheMillisecond() {
        Instant from = NOW.plusMillis(500);
        Instant until = NOW.plusSeconds(10).plusMillis(250);
        AuditRecord justBefore = audit(from.minusMillis(1), AuditEvent.LOGOUT, "alice", "user-a");
        AuditRecord atFrom = audit(from, AuditEvent.LOGOUT, "alice", "user-a");
        AuditRecord lastIn = audit(until.minusMillis(1), AuditEvent.LOGOUT, "alice", "user-a");
        AuditRecord atUntil = audit(until, AuditEvent.LOGOUT, "alice", "user-a");
        List<AuditRecord> older = IntStream.range(0, 50)
                .mapToObj(i -> audit(from.minusSeconds(1 + i), AuditEvent.LOGOUT, "alice", "user-a")).toList();
        store.appendAudit(older);
        store.appendAudit(List.of(atUntil, justBefore, lastIn, atFrom));
        // the scan limit is above what lies between the bounds, so a store that stops at from answers the end
        AuditPage page = store.findAudit(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), from,
                until, Optional.empty(), 10, 10));
        assertThat(page.records()).containsExactly(lastIn, atFrom);
        assertThat(page.nextBefore()).isEmpty();
        AuditPage fromBefore = store.findAudit(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                from, until, Optional.of(lastIn.id()), 10, 10));
        assertThat(fromBefore.records()).containsExactly(atFrom);
        assertThat(fromBefore.nextBefore()).isEmpty();
    }

    @Test
    void auditPagesFollowOneAnotherWithoutGapOrRepeat() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // three records share each millisecond, so that pages also split within one
            Instant time = NOW.plusMillis(i / 3);
            records.add(audit(time, i % 2 == 0 ? AuditEvent.TOKEN_ISSUED : AuditEvent.TOKEN_REFRESHED,
                    i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "user-a" : "user-b"));
        }
        store.appendAudit(records.subList(0, 12));
        store.appendAudit(records.subList(12, 25));
        reopen();
        List<String> newestFirst = records.stream().map(AuditRecord::id)
                .sorted(java.util.Comparator.reverseOrder()).toList();

        List<AuditPage> pages = new ArrayList<>();
        assertThat(allPages(everything(10), pages)).extracting(AuditRecord::id).containsExactlyElementsOf(newestFirst);
        assertThat(pages.get(0).records()).hasSize(10);
        assertThat(pages.get(0).nextBefore()).contains(newestFirst.get(9));
        assertThat(pages.get(1).records()).hasSize(10);

        AuditQuery alice = new AuditQuery(Optional.of("user-a"), Optional.empty(), Optional.empty(), Instant.EPOCH,
                NOW.plus(Duration.ofDays(1)), Optional.empty(), 4, 100);
        List<AuditPage> alicePages = new ArrayList<>();
        assertThat(allPages(alice, alicePages)).extracting(AuditRecord::id).containsExactlyElementsOf(
                records.stream().filter(r -> r.userId().equals(Optional.of("user-a"))).map(AuditRecord::id)
                        .sorted(java.util.Comparator.reverseOrder()).toList());
        assertThat(alicePages.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aQueryReadsNoMoreThanItsScanLimitAndSaysWhereToGoOn() {
        AuditRecord alice = audit(NOW, AuditEvent.SIGN_IN_SUCCEEDED, "alice", "user-a");
        List<AuditRecord> bobs = IntStream.range(1, 21)
                .mapToObj(i -> audit(NOW.plusSeconds(i), AuditEvent.TOKEN_REFRESHED, "bob", "user-b")).toList();
        store.appendAudit(bobs);
        store.appendAudit(List.of(alice));
        AuditQuery query = new AuditQuery(Optional.of("user-a"), Optional.empty(), Optional.empty(), Instant.EPOCH,
                NOW.plus(Duration.ofDays(1)), Optional.empty(), 5, 8);

        AuditPage first = store.findAudit(query);
        assertThat(first.records()).isEmpty();
        assertThat(first.nextBefore()).as("went on from where it stopped").isPresent();
        assertThat(first.nextBefore().get()).isGreaterThanOrEqualTo(bobs.get(0).id());

        List<AuditPage> pages = new ArrayList<>();
        assertThat(allPages(query, pages)).containsExactly(alice);
        assertThat(pages.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void purgeRemovesExpiredAuditRecords() {
        AuditRecord expiring = new AuditRecord(AuditIds.next(NOW), NOW, AuditEvent.LOGOUT, AuditOutcome.SUCCESS,
                Optional.of("alice"), Optional.of("user-a"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), NOW.plus(Duration.ofHours(1)));
        AuditRecord kept = audit(NOW.plusMillis(1), AuditEvent.LOGOUT, "alice", "user-a");
        store.appendAudit(List.of(expiring, kept));
        assertThat(store.purgeExpiredBefore(NOW.plus(Duration.ofHours(2)))).isPositive();
        assertThat(store.findAudit(everything(10)).records()).containsExactly(kept);
        reopen();
        assertThat(store.findAudit(everything(10)).records()).containsExactly(kept);
    }

    // ---- the directory: entries, unique keys, the change log

    private static StoredEntry entry(String kind, String id, String body, String... keys) {
        return new StoredEntry(kind, id, List.of(keys), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static EntryWrite put(StoredEntry entry) {
        return new EntryWrite.Put(entry);
    }

    @Test
    void directoryEntriesSurviveReopenWithTheirVersion() {
        assertThat(store.loadDirectory()).isEqualTo(new DirectorySnapshot(0, List.of()));
        StoredEntry ann = entry("user", "u1", "ann", "user-name:ann");
        StoredEntry ops = entry("group", "g1", "ops", "group-name:ops");
        assertThat(store.writeDirectory(List.of(put(ann), put(ops)), NOW)).isEqualTo(1);
        reopen();
        DirectorySnapshot snapshot = store.loadDirectory();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.entries()).containsExactlyInAnyOrder(ann, ops);
        assertThat(store.writeDirectory(List.of(new EntryWrite.Delete("group", "g1")), NOW)).isEqualTo(2);
    }

    @Test
    void aUniqueKeyHeldByAnotherEntryRefusesTheWholeWrite() {
        store.writeDirectory(List.of(put(entry("user", "u1", "ann", "user-name:ann"))), NOW);
        StoredEntry bob = entry("user", "u2", "bob", "user-name:bob");
        StoredEntry twin = entry("user", "u3", "ann again", "user-name:ann");
        assertThatThrownBy(() -> store.writeDirectory(List.of(put(bob), put(twin)), NOW))
                .isInstanceOfSatisfying(UniqueKeyTakenException.class,
                        e -> assertThat(e.key()).isEqualTo("user-name:ann"));
        DirectorySnapshot snapshot = store.loadDirectory();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.entries()).extracting(StoredEntry::id).containsExactly("u1");
    }

    @Test
    void anEntryMayKeepItsOwnKeysAndFreesThoseItDrops() {
        store.writeDirectory(List.of(put(entry("user", "u1", "ann", "user-name:ann", "ext:1"))), NOW);
        store.writeDirectory(List.of(put(entry("user", "u1", "ann 2", "user-name:ann", "ext:2"))), NOW);
        store.writeDirectory(List.of(put(entry("user", "u2", "bob", "user-name:bob", "ext:1"))), NOW);
        assertThatThrownBy(() -> store.writeDirectory(List.of(put(entry("user", "u3", "x", "ext:2"))), NOW))
                .isInstanceOf(UniqueKeyTakenException.class);
        store.writeDirectory(List.of(new EntryWrite.Delete("user", "u1"), new EntryWrite.Delete("user", "nope")), NOW);
        store.writeDirectory(List.of(put(entry("user", "u3", "carol", "user-name:ann", "ext:2"))), NOW);
        reopen();
        assertThatThrownBy(() -> store.writeDirectory(List.of(put(entry("user", "u4", "x", "user-name:ann"))), NOW))
                .isInstanceOf(UniqueKeyTakenException.class);
        assertThat(store.loadDirectory().entries()).extracting(StoredEntry::id).containsExactlyInAnyOrder("u2", "u3");
    }

    @Test
    void theSameIdInTwoKindsIsTwoEntries() {
        store.writeDirectory(List.of(put(entry("user", "x", "a")), put(entry("group", "x", "b"))), NOW);
        assertThat(store.loadDirectory().entries()).hasSize(2);
    }

    @Test
    void theChangeLogGivesEachWriteWithTheEntryAsItIsNow() {
        StoredEntry ann = entry("user", "u1", "ann", "user-name:ann");
        StoredEntry ann2 = entry("user", "u1", "ann 2", "user-name:ann");
        StoredEntry ops = entry("group", "g1", "ops");
        store.writeDirectory(List.of(put(ann)), NOW);
        store.writeDirectory(List.of(put(ops), put(ann2)), NOW);
        store.writeDirectory(List.of(new EntryWrite.Delete("group", "g1")), NOW);
        reopen();
        DirectoryChanges all = store.directoryChangesAfter(0);
        assertThat(all.complete()).isTrue();
        assertThat(all.version()).isEqualTo(3);
        assertThat(all.changes()).extracting(DirectoryChanges.Change::version).containsExactly(1L, 2L, 2L, 3L);
        assertThat(all.changes().get(0).entry()).contains(ann2);
        assertThat(all.changes()).filteredOn(c -> c.kind().equals("group"))
                .allSatisfy(c -> assertThat(c.entry()).isEmpty());
        DirectoryChanges last = store.directoryChangesAfter(2);
        assertThat(last.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("group");
            assertThat(c.id()).isEqualTo("g1");
        });
        assertThat(store.directoryChangesAfter(3)).isEqualTo(new DirectoryChanges(3, true, List.of()));
        assertThat(store.directoryChangesAfter(9)).satisfies(c -> {
            assertThat(c.complete()).isTrue();
            assertThat(c.changes()).isEmpty();
        });
    }

    @Test
    void purgingTheLogMakesOlderVersionsLoadEverythingAgain() {
        store.writeDirectory(List.of(put(entry("user", "u1", "ann"))), NOW);
        store.writeDirectory(List.of(put(entry("user", "u2", "bob"))), NOW.plus(Duration.ofHours(2)));
        store.purgeExpiredBefore(NOW.plus(DirectoryStore.LOG_KEPT_FOR).plusSeconds(1));
        assertThat(store.directoryChangesAfter(0).complete()).isFalse();
        assertThat(store.directoryChangesAfter(0).version()).isEqualTo(2);
        DirectoryChanges fromOne = store.directoryChangesAfter(1);
        assertThat(fromOne.complete()).isTrue();
        assertThat(fromOne.changes()).extracting(DirectoryChanges.Change::id).containsExactly("u2");
        assertThat(store.loadDirectory().entries()).hasSize(2);
        reopen();
        assertThat(store.directoryChangesAfter(0).complete()).isFalse();
        assertThat(store.directoryChangesAfter(1).complete()).isTrue();
    }

    @Test
    void concurrentDirectoryWritesGetOneVersionEach() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Long>> versions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                versions.add(pool.submit(() -> store.writeDirectory(
                        List.of(put(entry("user", "u" + n, "user " + n, "user-name:u" + n))), NOW)));
            }
            List<Long> got = new ArrayList<>();
            for (Future<Long> v : versions) {
                got.add(v.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).mapToObj(i -> (long) i).toList());
        }
        DirectoryChanges changes = store.directoryChangesAfter(0);
        assertThat(changes.changes()).hasSize(40);
        assertThat(changes.changes()).extracting(DirectoryChanges.Change::version).isSorted();
        assertThat(store.loadDirectory().entries()).hasSize(40);
    }
}
