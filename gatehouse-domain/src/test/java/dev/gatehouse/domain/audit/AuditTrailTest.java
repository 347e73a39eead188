package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the trail stamps on every record (the clock's time, an id in time order, the expiry, the current
 * request's id and address, the user's name by id) and that a sink that fails does not stop the others.
 */
class AuditTrailTest {
    private static final Duration RETENTION = Duration.ofDays(30);

    private final DomainFixture world = new DomainFixture();
    private final AuditTrail trail = new AuditTrail(world.directory, world.clock, RETENTION, world.store);
    private final RecordedAudit recorded = RecordedAudit.on(trail);

    private List<AuditRecord> stored() {
        Instant now = world.clock.instant();
        return world.store.findAudit(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH,
                now.plusSeconds(1), Optional.empty(), 100, AuditQuery.DEFAULT_SCAN_LIMIT)).records();
    }

    @Test
    void aRecordHasTheClocksTimeAnIdInTimeOrderAndExpiresAfterTheRetention() {
        AuditRecord first = trail.event(AuditEvent.LOGOUT).record();
        world.advance(Duration.ofMillis(1));
        AuditRecord second = trail.event(AuditEvent.LOGOUT).record();

        assertThat(first.time()).isEqualTo(world.clock.instant().minusMillis(1));
        assertThat(first.expiresAt()).isEqualTo(first.time().plus(RETENTION));
        assertThat(first.id()).startsWith(String.format("%013d-", first.time().toEpochMilli()));
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first.outcome()).as("unless said otherwise").isEqualTo(AuditOutcome.SUCCESS);
        assertThat(trail.retention()).isEqualTo(RETENTION);
    }

    @Test
    void everySinkAndTheStoreGetTheSameRecordBeforeRecordReturns() {
        AuditRecord made = trail.event(AuditEvent.SIGN_IN_SUCCEEDED).user(world.ann).session("s-1").record();
        assertThat(recorded.all()).containsExactly(made);
        assertThat(stored()).containsExactly(made);
    }

    @Test
    void theCurrentRequestsIdAndAddressAreStampedAndAnExplicitAddressWins() {
        RequestOrigin origin = new RequestOrigin(Optional.of("req-42"), Optional.of("192.0.2.10"), Optional.of("curl/8"));
        AuditRecord inRequest = origin.bind(() -> trail.event(AuditEvent.TOKEN_ISSUED).record());
        AuditRecord onBehalf = origin.bind(() -> trail.event(AuditEvent.DEVICE_CODE_LOCKOUT)
                .sourceAddress("192.0.2.99").record());
        AuditRecord outside = trail.event(AuditEvent.TOKEN_ISSUED).record();

        assertThat(inRequest.requestId()).contains("req-42");
        assertThat(inRequest.sourceAddress()).contains("192.0.2.10");
        assertThat(onBehalf.requestId()).contains("req-42");
        assertThat(onBehalf.sourceAddress()).contains("192.0.2.99");
        assertThat(outside.requestId()).isEmpty();
        assertThat(outside.sourceAddress()).isEmpty();
        assertThat(RequestOrigin.current()).as("put back after the request").isEqualTo(RequestOrigin.NONE);
    }

    @Test
    void aUserGivenByIdIsNamedFromTheDirectoryAndAnUnknownIdIsNotNamed() {
        AuditRecord byId = trail.event(AuditEvent.LOGOUT).userId(world.ann.id()).record();
        AuditRecord gone = trail.event(AuditEvent.LOGOUT).userId("no-such-user").record();
        AuditRecord byUser = trail.event(AuditEvent.LOGOUT).user(world.bob).record();

        assertThat(byId.user()).contains("ann");
        assertThat(byId.userId()).contains(world.ann.id());
        assertThat(gone.user()).isEmpty();
        assertThat(gone.userId()).contains("no-such-user");
        assertThat(byUser.user()).contains("bob");
        assertThat(byUser.userId()).contains(world.bob.id());
    }

    @Test
    void theFieldsAreKeptAsGivenAndNullDetailsAreLeftOut() {
        AuditRecord made = trail.event(AuditEvent.TOKEN_REUSED).outcome(AuditOutcome.FAILURE).userName("carol")
                .session("s-9").client("botocore-client-x", "c-1").detail("what", "refresh_token")
                .detail("count", 3).detail("absent", null).record();

        assertThat(made.event()).isEqualTo(AuditEvent.TOKEN_REUSED);
        assertThat(made.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(made.user()).contains("carol");
        assertThat(made.userId()).isEmpty();
        assertThat(made.sessionId()).contains("s-9");
        assertThat(made.client()).contains("botocore-client-x");
        assertThat(made.clientId()).contains("c-1");
        assertThat(made.details()).isEqualTo(Map.of("what", "refresh_token", "count", "3"));
    }

    @Test
    void aFailingSinkDoesNotStopTheOthersNorTheCaller() {
        AuditTrail withFailures = new AuditTrail(world.directory, world.clock, RETENTION, new FailingStore());
        withFailures.addSink(record -> {
            throw new IllegalStateException("log disk full");
        });
        RecordedAudit after = RecordedAudit.on(withFailures);

        AuditRecord made = withFailures.event(AuditEvent.LOGOUT).record();

        assertThat(after.all()).containsExactly(made);
    }

    @Test
    void aBatchedTrailStoresEverythingByTheFlush() throws InterruptedException {
        trail.batchStoreWrites();
        List<AuditRecord> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(trail.event(AuditEvent.TOKEN_REFRESHED).detail("n", i).record());
        }
        assertThat(trail.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(stored()).containsExactlyInAnyOrderElementsOf(made);
        trail.close();
    }

    /** A store that refuses every write, as one whose disk has failed. */
    private static final class FailingStore implements AuditStore {
        @Override
        public void appendAudit(List<AuditRecord> records) {
            throw new IllegalStateException("store refused");
        }

        @Override
        public AuditPage findAudit(AuditQuery query) {
            return new AuditPage(List.of(), Optional.empty());
        }
    }
}
