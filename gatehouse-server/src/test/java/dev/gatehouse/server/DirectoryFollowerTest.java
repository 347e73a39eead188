package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.DirectoryChanges;
import dev.gatehouse.domain.store.DirectorySnapshot;
import dev.gatehouse.domain.store.DirectoryStore;
import dev.gatehouse.domain.store.EntryWrite;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The follower on its own, over the in-memory store: it picks up what another instance wrote, and a
 * store that stops answering only pauses it.
 */
class DirectoryFollowerTest {
    private static final Duration FAST = Duration.ofMillis(20);
    private final InMemoryStore.Data data = new InMemoryStore.Data();
    private final AtomicBoolean down = new AtomicBoolean();

    /** The shared in-memory data, unreachable while {@link #down} is set. */
    private final DirectoryStore flaky = new DirectoryStore() {
        private final InMemoryStore store = new InMemoryStore(data);

        @Override
        public DirectorySnapshot loadDirectory() {
            check();
            return store.loadDirectory();
        }

        @Override
        public DirectoryChanges directoryChangesAfter(long version) {
            check();
            return store.directoryChangesAfter(version);
        }

        @Override
        public long writeDirectory(List<EntryWrite> writes, Instant at) {
            check();
            return store.writeDirectory(writes, at);
        }

        private void check() {
            if (down.get()) {
                throw new StoreUnavailableException("the test took the store away", null);
            }
        }
    };

    private LiveDirectory live(DirectoryStore store) {
        LiveDirectory live = new LiveDirectory(new Directory("us-east-1", Duration.ofHours(8),
                Directory.DEFAULT_BROWSER_IDLE_TIMEOUT, List.of(), new DirectoryIds(new byte[32])), store,
                InstantSource.system());
        live.reload();
        return live;
    }

    private static User user(String name) {
        return new User("id-" + name, name, Optional.empty(), Optional.empty(), Attributes.NONE, List.of(), Origin.API,
                Stamps.made(Instant.parse("2026-11-30T08:00:00Z"), "test"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void appliesWhatAnotherInstanceWrote() throws Exception {
        LiveDirectory here = live(flaky);
        LiveDirectory elsewhere = live(new InMemoryStore(data));
        try (DirectoryFollower follower = DirectoryFollower.start(here, FAST)) {
            elsewhere.put(user("ann"));
            await("ann arrives", () -> here.directory().user("ann").isPresent());
            assertThat(follower.version()).isEqualTo(elsewhere.version());
            elsewhere.write(List.of(), List.of(user("ann")));
            await("ann leaves", () -> here.directory().user("ann").isEmpty());
        }
    }

    @Test
    void aStoreThatStopsAnsweringPausesFollowingAndNothingEndsIt() throws Exception {
        LiveDirectory here = live(flaky);
        LiveDirectory elsewhere = live(new InMemoryStore(data));
        try (DirectoryFollower follower = DirectoryFollower.start(here, FAST)) {
            down.set(true);
            elsewhere.put(user("ann"));
            Thread.sleep(FAST.toMillis() * 10);
            assertThat(here.directory().user("ann")).as("not while the store is away").isEmpty();

            down.set(false);
            await("ann arrives once the store answers again", () -> here.directory().user("ann").isPresent());
            assertThat(follower.version()).isEqualTo(elsewhere.version());
        }
    }

    @Test
    void closingStopsFollowing() throws Exception {
        LiveDirectory here = live(flaky);
        LiveDirectory elsewhere = live(new InMemoryStore(data));
        DirectoryFollower.start(here, FAST).close();
        elsewhere.put(user("ann"));
        Thread.sleep(FAST.toMillis() * 5);
        assertThat(here.directory().user("ann")).isEmpty();
    }
}
