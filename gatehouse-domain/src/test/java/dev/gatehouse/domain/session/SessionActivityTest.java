package dev.gatehouse.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A session's last use: written to the store at most once a minute per session and instance, and read
 * back by every instance. The store's value only ever rises, so a use that was written shows as a
 * later last use, and one that was not leaves it as it was.
 */
class SessionActivityTest {
    private final DomainFixture world = new DomainFixture();
    private final SessionActivity activity = new SessionActivity(world.store, world.clock);
    private final SignInSession session = world.signIn(world.ann);
    private final Instant start = world.clock.instant();

    @Test
    void aSessionNeverUsedHasNoLastUse() {
        assertThat(activity.lastUsed(session)).isEmpty();
    }

    @Test
    void theFirstUseIsWrittenAndUsesWithinTheMinuteAfterItAreNot() {
        activity.used(session);
        assertThat(activity.lastUsed(session)).contains(start);

        world.advance(Duration.ofSeconds(30));
        activity.used(session);
        world.advance(Duration.ofSeconds(29));
        activity.used(session);
        assertThat(activity.lastUsed(session)).as("no write within the minute").contains(start);

        world.advance(Duration.ofSeconds(1));
        activity.used(session);
        assertThat(activity.lastUsed(session)).as("a minute on, the next write").contains(start.plusSeconds(60));
    }

    @Test
    void eachSessionHasItsOwnMinute() {
        SignInSession other = world.signIn(world.ann);
        activity.used(session);
        world.advance(Duration.ofSeconds(10));
        activity.used(other);
        assertThat(activity.lastUsed(session)).contains(start);
        assertThat(activity.lastUsed(other)).contains(start.plusSeconds(10));
    }

    @Test
    void everyInstanceOnTheStoreReadsTheLastUseOnceFlushedAndWritesItsOwnOncePerMinute() {
        SessionActivity otherInstance = new SessionActivity(new InMemoryStore(world.store.data()), world.clock);
        activity.used(session);
        assertThat(otherInstance.lastUsed(session)).as("noted here, not yet written").isEmpty();
        activity.flush();
        assertThat(otherInstance.lastUsed(session)).contains(start);

        world.advance(Duration.ofSeconds(20));
        otherInstance.used(session);
        otherInstance.flush();
        assertThat(activity.lastUsed(session)).as("the other instance had not written this minute")
                .contains(start.plusSeconds(20));
    }

    @Test
    void aFlushWritesEachNotedUseOnceAndNothingForAnExpiredSession() {
        activity.used(session);
        activity.flush();
        long counters = world.store.data().counterCount();
        activity.flush();
        assertThat(world.store.data().counterCount()).as("nothing left to write").isEqualTo(counters);

        world.advance(Duration.ofMinutes(1));
        activity.used(session);
        world.advance(Duration.ofHours(9));
        activity.flush();
        assertThat(world.store.data().counterCount()).as("no write for a session expired before the flush")
                .isEqualTo(counters);
    }

    @Test
    void aTokenFoundGoodCountsAsAUseOfItsSession() {
        TokenSet tokens = world.gatehouse.tokens().issueTokenSet(session, "client-1");
        world.advance(Duration.ofMinutes(5));
        assertThat(world.gatehouse.tokens().verify(TokenKind.ACCESS, tokens.access().secret())).isPresent();
        assertThat(world.gatehouse.activity().lastUsed(session)).contains(start.plus(Duration.ofMinutes(5)));
        world.gatehouse.activity().flush();
        assertThat(activity.lastUsed(session)).as("read from the store").contains(start.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aTokenRefusedIsNoUse() {
        TokenSet tokens = world.gatehouse.tokens().issueTokenSet(session, "client-1");
        world.gatehouse.sessions().end(session.id());
        assertThat(world.gatehouse.tokens().verify(TokenKind.ACCESS, tokens.access().secret())).isEmpty();
        assertThat(world.gatehouse.activity().lastUsed(session)).isEqualTo(Optional.empty());
    }
}
