package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory file and the admin APIs on one store, through {@link Gatehouse#create} as the service
 * starts: the file is imported at each start and is authoritative for what it names; entries made
 * through the API are left alone; a user dropped from the file goes with its memberships and
 * assignments, whoever made them.
 */
class DirectoryFileWithApiTest {
    private static final String PROD = "111111111111";
    private static final String DEV = "222222222222";
    private static final String BY_API = "AKIAGATEHOUSETEST001";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final InMemoryStore.Data data = new InMemoryStore.Data();

    private static final String FIRST = """
            users:
              - {userName: ann, password: "ann's password", email: ann@example.com, groups: [ops]}
              - {userName: ben, email: ben@example.com, groups: [ops]}
            accounts:
              - {id: "111111111111", name: Prod, email: prod@example.com}
              - {id: "222222222222", name: Dev, email: dev@example.com}
            permissionSets:
              - {name: Admin, sessionDuration: PT2H}
              - {name: Read}
            assignments:
              - {account: "111111111111", permissionSet: Admin, group: ops}
              - {account: "222222222222", permissionSet: Read, user: ben}
            """;

    /** ben is dropped, ann's display name and Admin's duration change, cat is new. */
    private static final String SECOND = """
            users:
              - {userName: ann, password: "ann's password", email: ann@example.com, displayName: Ann A., groups: [ops]}
              - {userName: cat, email: cat@example.com}
            accounts:
              - {id: "111111111111", name: Prod, email: prod@example.com}
              - {id: "222222222222", name: Dev, email: dev@example.com}
            permissionSets:
              - {name: Admin, sessionDuration: PT4H}
              - {name: Read}
            assignments:
              - {account: "111111111111", permissionSet: Admin, group: ops}
              - {account: "222222222222", permissionSet: Read, user: cat}
            """;

    /** One start of the service on the shared store, with this file. */
    private Gatehouse start(String yaml) throws IOException {
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, yaml);
        clock.advance(Duration.ofMinutes(1));
        return Gatehouse.create(ConfigLoader.load(file).directory(), new InMemoryStore(data), clock);
    }

    private Stamps byApi() {
        return Stamps.made(clock.instant(), BY_API);
    }

    @Test
    void apiEntriesSurviveARestartWithAnEditedFileAndFileEntriesFollowTheFile() throws IOException {
        Gatehouse first = start(FIRST);
        LiveDirectory live = first.liveDirectory();
        Directory d = first.directory();
        User ann = d.user("ann").orElseThrow();
        User ben = d.user("ben").orElseThrow();
        String annHash = ann.passwordHash().orElseThrow();
        assertThat(ben.passwordHash()).as("no password: signs in after an invitation").isEmpty();

        // made through the admin APIs
        User dora = new User(d.ids().newResourceId(), "dora", Optional.empty(), Optional.empty(),
                Attributes.of(Map.of("DisplayName", "Dora")), List.of(), Origin.API, byApi());
        Group auditors = new Group(d.ids().newResourceId(), "auditors", Optional.of("made through the API"),
                List.of(), Origin.API, byApi());
        PermissionSet audit = new PermissionSet(d.ids().newPermissionSetArn(), "Audit", Optional.empty(),
                Duration.ofHours(1), Optional.empty(), false, Map.of(), PermissionSet.Policies.NONE, Set.of(PROD),
                Origin.API, byApi());
        live.put(dora);
        live.put(auditors);
        live.put(audit);
        live.put(new Membership(d.ids().newResourceId(), auditors.id(), ann.id(), Origin.API, byApi()));
        live.put(new Membership(d.ids().newResourceId(), auditors.id(), ben.id(), Origin.API, byApi()));
        live.put(new Membership(d.ids().newResourceId(), auditors.id(), dora.id(), Origin.API, byApi()));
        live.put(new Assignment(PROD, audit.arn(), PrincipalType.GROUP, auditors.id(), Origin.API, byApi()));
        live.put(new Assignment(DEV, audit.arn(), PrincipalType.USER, ben.id(), Origin.API, byApi()));
        PermissionSet read = d.permissionSet("Read").orElseThrow();
        live.put(new Assignment(DEV, read.arn(), PrincipalType.USER, dora.id(), Origin.API, byApi()));

        Directory after = start(SECOND).directory();

        // the API's entries are as they were
        assertThat(after.user("dora")).contains(dora);
        assertThat(after.group(auditors.id())).contains(auditors);
        assertThat(after.permissionSet("Audit")).contains(audit);
        assertThat(after.accountsOf(dora)).extracting(Account::id).containsExactly(PROD, DEV);
        assertThat(after.permissionSetsOf(dora, DEV)).extracting(PermissionSet::name).containsExactly("Read");
        // the file's entries follow the file
        User annAfter = after.user("ann").orElseThrow();
        assertThat(annAfter.id()).isEqualTo(ann.id());
        assertThat(annAfter.displayName()).isEqualTo("Ann A.");
        assertThat(annAfter.stamps().createdAt()).isEqualTo(ann.stamps().createdAt());
        assertThat(annAfter.stamps().updatedAt()).isAfter(ann.stamps().updatedAt());
        assertThat(annAfter.passwordHash()).as("the stored hash still matches: not hashed again").contains(annHash);
        assertThat(Passwords.verify("ann's password", annHash)).isTrue();
        assertThat(after.permissionSet("Admin").orElseThrow().sessionDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(after.user("cat")).isPresent();
        assertThat(after.permissionSetsOf(after.user("cat").orElseThrow(), DEV)).extracting(PermissionSet::name)
                .containsExactly("Read");
        // ann keeps the API's membership and through it the API's assignment
        assertThat(after.groupIdsOf(ann.id())).containsExactlyInAnyOrder(auditors.id(),
                after.groupByName("ops").orElseThrow().id());
        assertThat(after.permissionSetsOf(annAfter, PROD)).extracting(PermissionSet::name)
                .containsExactly("Admin", "Audit");
        // ben is gone, with every membership and assignment that named him, the API's too
        assertThat(after.user("ben")).isEmpty();
        assertThat(after.userById(ben.id())).isEmpty();
        assertThat(after.membershipsOf(auditors.id())).extracting(Membership::userId)
                .containsExactlyInAnyOrder(ann.id(), dora.id());
        assertThat(after.assignmentsOf(ben.id())).isEmpty();
        assertThat(after.assignments()).noneMatch(a -> a.principalId().equals(ben.id()));
    }

    @Test
    void aRestartWithAnUnchangedFileWritesNothing() throws IOException {
        start(FIRST);
        long version = new InMemoryStore(data).loadDirectory().version();
        String hash = start(FIRST).directory().user("ann").orElseThrow().passwordHash().orElseThrow();
        Gatehouse third = start(FIRST);
        assertThat(new InMemoryStore(data).loadDirectory().version()).isEqualTo(version);
        assertThat(third.directory().user("ann").orElseThrow().passwordHash()).contains(hash);
    }

    @Test
    void aFileEntryDroppedFromTheFileGoesButAnApiEntryOfTheSameKindStays() throws IOException {
        Gatehouse first = start(FIRST);
        Group api = new Group(first.directory().ids().newResourceId(), "api-made", Optional.empty(), List.of(),
                Origin.API, byApi());
        first.liveDirectory().put(api);
        Directory after = start(SECOND.replace("groups: [ops]", "groups: []")
                .replace("  - {account: \"111111111111\", permissionSet: Admin, group: ops}\n", "")).directory();
        assertThat(after.groupByName("ops")).as("no user names it any more").isEmpty();
        assertThat(after.groupByName("api-made")).contains(api);
        assertThat(after.assignments()).extracting(Assignment::principalType).containsOnly(PrincipalType.USER);
    }
}
