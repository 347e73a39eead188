package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The browser's session cookie ends after the idle timeout unused; its sign-in session goes on. */
class BrowserIdleTimeoutTest {
    private static final Duration IDLE = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = instance();
    private final SignInSession session = gatehouse.sessions().start(gatehouse.directory().user("ann").orElseThrow());
    private final IssuedToken cookie = gatehouse.tokens().issueBrowserToken(session);

    private Gatehouse instance() {
        DirectoryFile directory = new DirectoryFile("us-east-1", Duration.ofHours(8),
                List.of(new FileUser("ann", Passwords.hash("pw"), "ann@example.com", "Ann", Set.of(), Optional.empty())),
                List.of(), List.of(), List.of()).withBrowserIdleTimeout(IDLE);
        return Gatehouse.create(directory, new InMemoryStore(store.data()), clock);
    }

    private boolean signedIn(AccessPortal portal) {
        return portal.signedInBrowser(cookie.secret()).isPresent();
    }

    private Optional<Instant> lastUseRecorded() {
        return store.findCounter(IdleTimeout.keyOf(cookie.record().id()), clock.instant()).map(Counter::updatedAt);
    }

    @Test
    void eachUseKeepsTheCookieAnotherIdleTimeout() {
        for (int hour = 0; hour < 7; hour++) {
            clock.advance(IDLE.minusMinutes(1));
            assertThat(signedIn(gatehouse.portal())).as("used again after %s", IDLE.minusMinutes(1)).isTrue();
        }
    }

    @Test
    void aCookieUnusedForTheIdleTimeoutEndsButTheSignInSessionGoesOn() {
        TokenSet cli = gatehouse.tokens().issueTokenSet(session, "cli");
        clock.advance(Duration.ofMinutes(30));
        assertThat(signedIn(gatehouse.portal())).isTrue();
        clock.advance(IDLE);
        assertThat(signedIn(gatehouse.portal())).as("an hour unused").isFalse();
        // using it again does not bring it back
        clock.advance(Duration.ofMinutes(1));
        assertThat(signedIn(gatehouse.portal())).isFalse();

        // the CLI's tokens of the same sign-in session keep working
        assertThat(gatehouse.sessions().active(session.id())).isPresent();
        assertThat(gatehouse.tokens().verify(TokenKind.REFRESH, cli.refresh().secret())).isPresent();
        String access = gatehouse.tokens().issueAccessToken(session, "cli").secret();
        assertThat(gatehouse.portal().authenticate(access).user().userName()).isEqualTo("ann");
    }

    @Test
    void useIsWrittenOnlyWhenTheRecordedOneIsATenthOfTheTimeoutOld() {
        Duration tenth = IDLE.dividedBy(10);
        clock.advance(tenth.minusSeconds(1));
        assertThat(signedIn(gatehouse.portal())).isTrue();
        assertThat(lastUseRecorded()).as("young cookie: nothing read or written").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(signedIn(gatehouse.portal())).isTrue();
        Instant written = clock.instant();
        assertThat(lastUseRecorded()).hasValue(written);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(signedIn(gatehouse.portal())).isTrue();
        }
        assertThat(lastUseRecorded()).as("page views within a tenth write nothing").hasValue(written);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signedIn(gatehouse.portal())).isTrue();
        assertThat(lastUseRecorded()).hasValue(clock.instant());
    }

    @Test
    void aUseSeenByOneInstanceKeepsTheCookieOnAnother() {
        Gatehouse other = instance();
        clock.advance(Duration.ofMinutes(50));
        assertThat(signedIn(other.portal())).isTrue();
        clock.advance(Duration.ofMinutes(50));
        assertThat(signedIn(gatehouse.portal())).as("used 50 minutes ago on the other instance").isTrue();
    }

    @Test
    void anEndedSessionEndsTheCookieWhateverItsUse() {
        assertThat(signedIn(gatehouse.portal())).isTrue();
        gatehouse.sessions().end(session.id());
        assertThat(signedIn(gatehouse.portal())).isFalse();
    }
}
