package dev.gatehouse.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    private static final String A = "111111111111";
    private static final String B = "222222222222";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();

    private static DirectoryFile file(List<FileUser> users, List<FileAssignment> assignments) {
        return new DirectoryFile("us-east-1", Duration.ofHours(8), users,
                List.of(new Account(B, "B", "b@example.com"), new Account(A, "A", "a@example.com")),
                List.of(new FilePermissionSet("Admin", Duration.ofHours(1)), new FilePermissionSet("Read", Duration.ofHours(2))),
                assignments);
    }

    private static FileUser user(String name, String... groups) {
        return new FileUser(name, "x", name + "@example.com", name, Set.of(groups), Optional.empty());
    }

    private LiveDirectory load(DirectoryFile file) {
        Directory directory = new Directory(file.region(), file.signInSessionDuration(), file.browserIdleTimeout(),
                file.accounts(), new DirectoryIds(store.instanceKey()));
        LiveDirectory live = new LiveDirectory(directory, new InMemoryStore(store.data()), clock);
        live.reload();
        DirectoryImport.apply(file, live, clock);
        return live;
    }

    private final DirectoryFile standard = file(List.of(user("ann", "ops"), user("ben")), List.of(
            FileAssignment.toGroup(B, "Read", "ops"),
            FileAssignment.toGroup(A, "Admin", "ops"),
            FileAssignment.toUser(A, "Admin", "ann"),
            FileAssignment.toUser(A, "Read", "ann"),
            FileAssignment.toUser(B, "Admin", "ben")));

    @Test
    void groupAndUserAssignmentsCombineWithoutDuplicates() {
        Directory d = load(standard).directory();
        User ann = d.user("ann").orElseThrow();
        User ben = d.user("ben").orElseThrow();
        assertThat(d.accountsOf(ann)).extracting(Account::id).containsExactly(A, B);
        assertThat(d.permissionSetsOf(ann, A)).extracting(PermissionSet::name).containsExactly("Admin", "Read");
        assertThat(d.accountsOf(ben)).extracting(Account::id).containsExactly(B);
        assertThat(d.permissionSetsOf(ben, A)).isEmpty();
    }

    @Test
    void userNamesAreFoundWithoutRegardToCase() {
        Directory d = load(standard).directory();
        assertThat(d.user("ANN")).map(User::userName).contains("ann");
    }

    @Test
    void fileEntriesGetTheSameIdsOnEveryImport() {
        String first = load(standard).directory().user("ann").orElseThrow().id();
        InMemoryStore other = new InMemoryStore(new InMemoryStore.Data());
        assertThat(first).matches("[0-9a-f]{10}-[0-9a-f-]{36}");
        assertThat(load(standard).directory().user("ann").orElseThrow().id()).isEqualTo(first);
        assertThat(new DirectoryIds(other.instanceKey()).fileResourceId(EntryKind.USER, "ann")).isNotEqualTo(first);
    }

    @Test
    void importingAnUnchangedFileWritesNothing() {
        load(standard);
        long version = store.loadDirectory().version();
        LiveDirectory live = load(standard);
        assertThat(store.loadDirectory().version()).isEqualTo(version);
        assertThat(live.directory().users()).hasSize(2);
    }

    @Test
    void aUserDroppedFromTheFileGoesWithItsAssignmentsAndMemberships() {
        load(standard);
        Directory d = load(file(List.of(user("ann")), List.of(FileAssignment.toUser(A, "Read", "ann")))).directory();
        User ann = d.user("ann").orElseThrow();
        assertThat(d.user("ben")).isEmpty();
        assertThat(d.groupByName("ops")).isEmpty();
        assertThat(d.groupIdsOf(ann.id())).isEmpty();
        assertThat(d.assignments()).hasSize(1);
        assertThat(d.permissionSetsOf(ann, A)).extracting(PermissionSet::name).containsExactly("Read");
    }

    @Test
    void entriesMadeThroughTheApiSurviveAnImport() {
        LiveDirectory live = load(standard);
        Stamps stamps = Stamps.made(clock.instant(), "AKIATEST");
        String id = live.directory().ids().newResourceId();
        live.put(new User(id, "carol", Optional.empty(), Optional.empty(), Attributes.NONE, List.of(), Origin.API,
                stamps));
        PermissionSet read = live.directory().permissionSet("Read").orElseThrow();
        live.put(new Assignment(B, read.arn(), PrincipalType.USER, id, Origin.API, stamps));
        Directory d = load(file(List.of(user("ann")), List.of())).directory();
        User carol = d.user("carol").orElseThrow();
        assertThat(d.accountsOf(carol)).extracting(Account::id).containsExactly(B);
        assertThat(d.user("ben")).isEmpty();
    }

    @Test
    void theStoreRefusesASecondUserOfOneName() {
        LiveDirectory live = load(standard);
        User twin = new User(live.directory().ids().newResourceId(), "ANN", Optional.empty(), Optional.empty(),
                Attributes.NONE, List.of(), Origin.API, Stamps.made(clock.instant(), "AKIATEST"));
        assertThatThrownBy(() -> live.put(twin)).isInstanceOf(UniqueKeyTakenException.class);
        assertThat(live.directory().users()).hasSize(2);
    }

    @Test
    void aSecondInstanceFollowsTheChangeLog() {
        LiveDirectory one = load(standard);
        LiveDirectory two = load(standard);
        User ann = one.directory().user("ann").orElseThrow();
        one.write(List.of(), List.of(ann));
        assertThat(two.directory().user("ann")).isPresent();
        assertThat(two.refresh()).isTrue();
        assertThat(two.directory().user("ann")).isEmpty();
        assertThat(two.refresh()).isFalse();
    }

    @Test
    void anInstanceBehindThePurgedLogLoadsEverythingAgain() {
        LiveDirectory one = load(standard);
        LiveDirectory two = load(standard);
        one.write(List.of(), List.of(one.directory().user("ben").orElseThrow()));
        store.purgeExpiredBefore(clock.instant().plus(Duration.ofHours(2)));
        assertThat(two.refresh()).isTrue();
        assertThat(two.directory().user("ben")).isEmpty();
        assertThat(two.directory().user("ann")).isPresent();
    }

    @Test
    void entriesSurviveTheirStoredForm() {
        LiveDirectory live = load(standard);
        PermissionSet p = live.directory().permissionSet("Admin").orElseThrow();
        PermissionSet rich = new PermissionSet(p.arn(), p.name(), Optional.of("admins"), Duration.ofHours(3),
                Optional.of("https://console"), true, java.util.Map.of("team", "ops"),
                new PermissionSet.Policies(Optional.of("{\"Version\":\"2012-10-17\"}"), List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                        List.of(new PermissionSet.PolicyReference("mine", "/x/")),
                        Optional.of(new PermissionSet.Boundary(Optional.empty(),
                                Optional.of(new PermissionSet.PolicyReference("b", "/"))))),
                Set.of(A), Origin.API, p.stamps());
        assertThat(EntryCodec.decode(EntryCodec.encode(rich))).contains(rich);
        User ann = live.directory().user("ann").orElseThrow();
        assertThat(EntryCodec.decode(EntryCodec.encode(ann))).contains(ann);
    }

    @Test
    void permissionSetDurationFollowsAws() {
        assertThatThrownBy(() -> new PermissionSet("arn", "P", Optional.empty(), Duration.ofMinutes(59),
                Optional.empty(), false, java.util.Map.of(), PermissionSet.Policies.NONE, Set.of(), Origin.API,
                Stamps.made(Instant.EPOCH, "x"))).hasMessageContaining("PT1H");
    }

    @Test
    void passwordsAreArgon2idAndBcryptVerifies() {
        String hash = Passwords.hash("s3cret words");
        assertThat(hash).startsWith("$argon2id$").doesNotContain("s3cret");
        assertThat(Passwords.verify("s3cret words", hash)).isTrue();
        assertThat(Passwords.verify("s3cret word", hash)).isFalse();
        String bcrypt = com.password4j.Password.hash("pw").withBcrypt().getResult();
        assertThat(Passwords.verify("pw", bcrypt)).isTrue();
        assertThat(Passwords.verify("pw", "plain")).isFalse();
    }

    /**
     * Lock-free readers (sign-in, the portal) while the writer puts entries that are already held
     * again, as a profile change or the change log does: the user, the group membership and the
     * assignments are found at every moment, never missing between a removal and a put.
     */
    @Test
    void readersNeverMissAnEntryThatIsPutAgain() throws Exception {
        Directory d = load(standard).directory();
        User ann = d.user("ann").orElseThrow();
        Membership membership = d.membershipsOfUser(ann.id()).getFirst();
        List<Assignment> assignments = List.copyOf(d.assignmentsOf(ann.id()));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> missed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && missed.get() == null) {
                if (d.userById(ann.id()).isEmpty() || d.user("ann").isEmpty()) {
                    missed.set("the user");
                } else if (!d.groupIdsOf(ann.id()).contains(membership.groupId())
                        || d.membershipOf(membership.groupId(), ann.id()).isEmpty()) {
                    missed.set("the membership");
                } else if (d.assignmentsOf(ann.id()).size() != assignments.size()
                        || d.permissionSetsOf(ann, A).size() != 2 || d.accountsOf(ann).size() != 2) {
                    missed.set("an assignment: " + d.assignmentsOf(ann.id()).size() + " held");
                }
            }
        });
        reader.start();
        for (int i = 0; i < 20_000 && missed.get() == null; i++) {
            Instant at = clock.instant().plusMillis(i);
            d.put(new User(ann.id(), ann.userName(), ann.passwordHash(), ann.totpSecret(), ann.attributes(),
                    ann.externalIds(), ann.origin(), ann.stamps().changed(at, "test")));
            d.put(new Membership(membership.id(), membership.groupId(), membership.userId(), membership.origin(),
                    membership.stamps().changed(at, "test")));
            for (Assignment a : assignments) {
                d.put(new Assignment(a.accountId(), a.permissionSetArn(), a.principalType(), a.principalId(),
                        a.origin(), a.stamps().changed(at, "test")));
            }
        }
        done.set(true);
        reader.join();
        assertThat(missed.get()).isNull();
        assertThat(d.assignmentsOf(ann.id())).hasSameSizeAs(assignments);
    }

    /** Loading the whole directory again (the change log was purged) leaves no moment of an empty directory. */
    @Test
    void readersNeverSeeTheDirectoryEmptyWhileItIsLoadedAgain() throws Exception {
        LiveDirectory live = load(standard);
        Directory d = live.directory();
        User ann = d.user("ann").orElseThrow();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> missed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && missed.get() == null) {
                if (d.user("ann").isEmpty() || d.accountsOf(ann).size() != 2) {
                    missed.set("ann or her accounts");
                }
            }
        });
        reader.start();
        for (int i = 0; i < 2_000 && missed.get() == null; i++) {
            live.reload();
        }
        done.set(true);
        reader.join();
        assertThat(missed.get()).isNull();
    }

    @Test
    void loadingAgainDropsWhatTheStoreNoLongerHolds() {
        LiveDirectory live = load(standard);
        Directory d = live.directory();
        User gone = new User("not-in-the-store", "ghost", Optional.empty(), Optional.empty(), Attributes.of(
                java.util.Map.of()), List.of(), Origin.API, Stamps.made(clock.instant(), "test"));
        d.put(gone);
        live.reload();
        assertThat(d.userById(gone.id())).isEmpty();
        assertThat(d.user("ghost")).isEmpty();
        assertThat(d.user("ann")).isPresent();
    }

    /** A file user without a password, as a user who then sets one (and an authenticator app) by invitation. */
    private static FileUser withoutPassword(Optional<String> id, String name, String... groups) {
        return new FileUser(id, name, Optional.empty(), Optional.empty(), Optional.empty(),
                FileUser.profile(name + "@example.com", name), List.of(), Set.of(groups));
    }

    /** What Invitations.accept writes: the password the person chose and the authenticator app they set up. */
    private void setByInvitation(LiveDirectory live, String userName) {
        User user = live.directory().user(userName).orElseThrow();
        live.put(user.withPassword(Passwords.hash("chosen by the user"), Optional.of("JBSWY3DPEHPK3PXP"),
                user.stamps().changed(clock.instant(), user.id())));
    }

    @Test
    void anImportKeepsThePasswordAndAuthenticatorAUserSetByInvitation() {
        DirectoryFile carolWithoutPassword = file(List.of(withoutPassword(Optional.empty(), "carol", "ops")),
                List.of(FileAssignment.toGroup(A, "Read", "ops")));
        setByInvitation(load(carolWithoutPassword), "carol");

        User carol = load(carolWithoutPassword).directory().user("carol").orElseThrow();
        assertThat(carol.passwordHash()).hasValueSatisfying(h -> assertThat(Passwords.verify("chosen by the user", h))
                .isTrue());
        assertThat(carol.totpSecret()).contains("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aUserRenamedInTheFileKeepsItsIdPasswordAuthenticatorAndAccess() {
        DirectoryFile dave = file(List.of(withoutPassword(Optional.empty(), "dave", "ops")),
                List.of(FileAssignment.toGroup(A, "Read", "ops"), FileAssignment.toUser(B, "Admin", "dave")));
        LiveDirectory first = load(dave);
        String id = first.directory().user("dave").orElseThrow().id();
        Instant created = first.directory().user("dave").orElseThrow().stamps().createdAt();
        clock.advance(Duration.ofMinutes(5));
        setByInvitation(first, "dave");

        Directory d = load(file(List.of(withoutPassword(Optional.of(id), "david", "ops")),
                List.of(FileAssignment.toGroup(A, "Read", "ops"), FileAssignment.toUser(B, "Admin", "david"))))
                .directory();
        User david = d.userById(id).orElseThrow();
        assertThat(david.userName()).isEqualTo("david");
        assertThat(d.user("dave")).isEmpty();
        assertThat(d.user("david")).contains(david);
        assertThat(david.passwordHash()).hasValueSatisfying(h -> assertThat(Passwords.verify("chosen by the user", h))
                .isTrue());
        assertThat(david.totpSecret()).contains("JBSWY3DPEHPK3PXP");
        assertThat(david.stamps().createdAt()).isEqualTo(created);
        assertThat(d.accountsOf(david)).extracting(Account::id).containsExactly(A, B);
    }

    /**
     * A file user's id is derived from its name: a user dropped from the file and added again later is
     * the same id, but a new user, and the sessions of the one deleted stay ended.
     */
    @Test
    void aUserDroppedFromTheFileAndAddedAgainDoesNotGetItsOldSessionsBack() {
        Directory d = load(standard).directory();
        User ben = d.user("ben").orElseThrow();
        SignInSession before = new SignInSessions(d, store, clock).start(ben);
        assertThat(new SignInSessions(d, store, clock).active(before.id())).isPresent();

        clock.advance(Duration.ofMinutes(1));
        Directory without = load(file(List.of(user("ann", "ops")), List.of())).directory();
        assertThat(new SignInSessions(without, store, clock).active(before.id())).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Directory again = load(standard).directory();
        assertThat(again.user("ben").orElseThrow().id()).isEqualTo(ben.id());
        assertThat(new SignInSessions(again, store, clock).active(before.id())).isEmpty();
        SignInSession after = new SignInSessions(again, store, clock).start(again.user("ben").orElseThrow());
        assertThat(new SignInSessions(again, store, clock).active(after.id())).isPresent();
    }

    /** The file renames a user (naming its id) and gives the old name to a new user in the same edit. */
    @Test
    void aRenamedUsersOldNameCanGoToANewUserInTheSameImport() {
        LiveDirectory first = load(file(List.of(withoutPassword(Optional.empty(), "dave")), List.of()));
        String id = first.directory().user("dave").orElseThrow().id();
        setByInvitation(first, "dave");

        // the new user first: the write must still free the name before it is claimed again
        Directory d = load(file(List.of(withoutPassword(Optional.empty(), "dave"),
                withoutPassword(Optional.of(id), "david")), List.of())).directory();
        assertThat(d.userById(id).orElseThrow().userName()).isEqualTo("david");
        assertThat(d.userById(id).orElseThrow().totpSecret()).isPresent();
        User newDave = d.user("dave").orElseThrow();
        assertThat(newDave.id()).isNotEqualTo(id);
        assertThat(newDave.passwordHash()).isEmpty();
    }
}
