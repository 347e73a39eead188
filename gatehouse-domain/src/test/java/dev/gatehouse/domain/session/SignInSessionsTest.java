package dev.gatehouse.domain.session;

import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.InMemoryStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cap on a user's active sign-in sessions: past it the oldest other one ends, and the trail says so. */
class SignInSessionsTest {
    private static final int CAP = 2;

    private final DomainFixture world = new DomainFixture();
    private final SignInSessions sessions = new SignInSessions(world.directory, world.store, world.clock,
            world.gatehouse.audit(), CAP);

    private SignInSession startLater() {
        world.advance(Duration.ofMinutes(1));
        return sessions.start(world.ann);
    }

    @Test
    void upToTheCapEverySessionLives() {
        SignInSession first = startLater();
        SignInSession second = startLater();
        assertThat(sessions.activeOf(world.ann.id())).containsExactly(first, second);
        assertThat(world.audit.all()).isEmpty();
    }

    @Test
    void oneMoreEndsTheOldestAndTheNewOneLives() {
        SignInSession first = startLater();
        SignInSession second = startLater();
        SignInSession third = startLater();

        assertThat(sessions.activeOf(world.ann.id())).containsExactly(second, third);
        assertThat(sessions.ended(first.id())).as("ended, not merely out of the list").isTrue();
        AuditRecord capped = world.audit.only(AuditEvent.SESSION_ENDED_BY_CAP);
        assertAbout(capped, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, first.id());
        assertThat(capped.details()).isEqualTo(Map.of("maxSessionsPerUser", "2", "newSessionId", third.id()));
    }

    @Test
    void sessionsStartedAtTheSameInstantStillEndAnOlderOneNeverTheNewOne() {
        for (int i = 0; i < 5; i++) {
            SignInSession started = sessions.start(world.ann);
            assertThat(sessions.active(started.id())).as("session %d", i).isPresent();
            assertThat(sessions.activeOf(world.ann.id())).hasSize(Math.min(i + 1, CAP));
        }
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_CAP)).hasSize(3);
    }

    @Test
    void endedAndExpiredSessionsAndOtherUsersSessionsDoNotCount() {
        SignInSession ended = startLater();
        sessions.end(ended.id());
        startLater();
        sessions.start(world.bob);
        sessions.start(world.bob);
        SignInSession second = startLater();
        assertThat(sessions.activeOf(world.ann.id())).hasSize(2).contains(second);
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_CAP)).isEmpty();

        world.advance(DomainFixture.SESSION);
        SignInSession afterExpiry = startLater();
        assertThat(sessions.activeOf(world.ann.id())).containsExactly(afterExpiry);
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_CAP)).isEmpty();
    }

    @Test
    void theCapIsAtLeastOne() {
        assertThatThrownBy(() -> new SignInSessions(world.directory, world.store, world.clock, world.gatehouse.audit(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        SignInSessions one = new SignInSessions(world.directory, world.store, world.clock, world.gatehouse.audit(), 1);
        SignInSession first = one.start(world.ann);
        SignInSession second = one.start(world.ann);
        assertThat(one.activeOf(world.ann.id())).containsExactly(second);
        assertThat(one.ended(first.id())).isTrue();
    }

    @Test
    void aSessionStartedAfterThisOneIsLeftForItsOwnStartToSettle() {
        SignInSessions one = new SignInSessions(world.directory, world.store, world.clock, world.gatehouse.audit(), 1);
        // a concurrent sign-in (another instance) whose session is stored before this one checks the cap
        SignInSession concurrent = new SignInSession("s-concurrent", world.ann.id(),
                world.clock.instant().plusMillis(5), world.clock.instant().plus(DomainFixture.SESSION),
                Optional.empty(), SessionOrigin.UNRECORDED);
        world.store.createSession(concurrent);

        SignInSession started = one.start(world.ann);

        assertThat(one.active(concurrent.id())).as("the newer session").isPresent();
        assertThat(one.active(started.id())).isPresent();
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_CAP)).isEmpty();
    }

    @Test
    void theDirectoryFilesCapIsTheOneInForce() {
        DirectoryFile file = world.file.withControls(new DirectoryFile.Controls(1, Duration.ofDays(30)));
        Gatehouse gatehouse = Gatehouse.create(file, new InMemoryStore(), world.clock);
        User ann = gatehouse.directory().user("ann").orElseThrow();
        SignInSession first = gatehouse.sessions().start(ann);
        gatehouse.sessions().start(ann);
        assertThat(gatehouse.sessions().ended(first.id())).isTrue();
        assertThat(gatehouse.audit().retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void withNoCapNoSessionEverEndsForBeingOneTooMany() {
        SignInSessions uncapped = new SignInSessions(world.directory, world.store, world.clock, world.gatehouse.audit(),
                SignInSessions.NO_CAP);
        for (int i = 0; i < 150; i++) {
            uncapped.start(world.ann);
        }
        assertThat(uncapped.activeOf(world.ann.id())).hasSize(150);
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_CAP)).isEmpty();
    }
}
