package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.AdminKey;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.ExternalId;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported directory is a file that loads and imports, into an empty store, to the same directory. */
class DirectoryWriterTest {
    private static final String PROD = "111111111111";
    private static final Stamps NO_STAMPS = Stamps.made(Instant.EPOCH, "-");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));

    private static final String FILE = """
            region: eu-west-1
            startUrl: https://sso.example.com/start
            signInSessionDuration: P1D
            browserIdleTimeout: PT30M
            maxSessionsPerUser: 5
            auditRetention: PT720H
            users:
              - userName: ann
                password: "ann's password"
                email: ann@example.com
                groups: [ops, "Site Reliability"]
                totpSecret: JBSWY3DPEHPK3PXP
                externalIds: [{issuer: "https://idp.example.com", id: "0042"}]
              - userName: ben
                attributes:
                  Name: {GivenName: Ben, FamilyName: "True"}
                  Emails: [{Value: ben@example.com, Type: work, Primary: true}]
                  PhoneNumbers: [{Value: "012345", Type: "null"}]
            groups:
              - {displayName: "Site Reliability", description: "On call: yes", externalIds: [{issuer: scim, id: "7"}]}
            accounts:
              - {id: "111111111111", name: Prod, email: prod@example.com}
              - {id: "012345678901", name: Dev, email: dev@example.com}
            permissionSets:
              - name: Admin
                sessionDuration: PT12H
                revokeRoleSessionsOnLogout: true
                description: "Everything: all of it"
                relayState: "https://console.aws.amazon.com/?a=1&b=2"
                tags: {team: "platform ops", "cost:center": "0100"}
                inlinePolicy: |
                  {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]
                customerManagedPolicies: [{name: TeamPolicy, path: /team/}]
                permissionsBoundary: {customerManagedPolicy: {name: Boundary}}
              - {name: Read}
            assignments:
              - {account: "111111111111", permissionSet: Admin, group: ops}
              - {account: "012345678901", permissionSet: Read, user: ben}
              - {account: "012345678901", permissionSet: Admin, group: "Site Reliability"}
            adminKeys:
              - {accessKeyId: AKIAGATEHOUSEADMIN01, secretAccessKey: "0123456789012345678901234567890123456789"}
            """;

    private GatehouseConfig load(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void anExportImportsToTheSameDirectory() throws IOException {
        GatehouseConfig config = load("gatehouse.yaml", FILE);
        Gatehouse original = Gatehouse.create(config.directory(), new InMemoryStore(), clock);
        addApiEntries(original.liveDirectory());
        Directory before = original.directory();

        DirectoryWriter.Export export = DirectoryWriter.write(config, before, "exported for a test\nkeep it private");

        assertThat(export.yaml()).startsWith("# exported for a test\n# keep it private\n");
        assertThat(export.leftOut()).containsExactly(
                "1 assignment(s) to accounts the configuration does not declare",
                "1 admin key(s) made through the API: their secrets are not stored, so a file cannot carry them");
        assertThat(export.yaml()).contains("\nmaxSessionsPerUser: 5\nauditRetention: P30D\n");
        GatehouseConfig exported = load("exported.yaml", export.yaml());
        assertThat(exported.startUrl()).isEqualTo(config.startUrl());
        assertThat(exported.directory().controls()).isEqualTo(new DirectoryFile.Controls(5, Duration.ofDays(30)));
        assertThat(exported.directory().adminKeys()).isEqualTo(config.directory().adminKeys());
        assertThat(exported.directory().accounts()).containsExactlyInAnyOrderElementsOf(config.directory().accounts());
        Directory after = Gatehouse.create(exported.directory(), new InMemoryStore(), clock).directory();

        assertThat(after.region()).isEqualTo("eu-west-1");
        assertThat(after.signInSessionDuration()).isEqualTo(Duration.ofDays(1));
        assertThat(after.browserIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(after.users()).map(DirectoryWriterTest::unstamped)
                .containsExactlyElementsOf(before.users().stream().map(DirectoryWriterTest::unstamped).toList());
        assertThat(after.groupsAfter(null)).map(DirectoryWriterTest::unstamped)
                .containsExactlyElementsOf(before.groupsAfter(null).stream().map(DirectoryWriterTest::unstamped).toList());
        assertThat(after.permissionSets()).map(DirectoryWriterTest::unstamped)
                .containsExactlyElementsOf(before.permissionSets().stream().map(DirectoryWriterTest::unstamped).toList());
        assertThat(pairs(after)).isEqualTo(pairs(before));
        assertThat(after.assignments()).map(DirectoryWriterTest::unstamped).containsExactlyElementsOf(
                before.assignments().stream().filter(a -> before.account(a.accountId()).isPresent())
                        .map(DirectoryWriterTest::unstamped).toList());
        assertThat(Passwords.verify("ann's password", after.user("ann").orElseThrow().passwordHash().orElseThrow()))
                .isTrue();

        String again = DirectoryWriter.write(exported, after, "exported for a test\nkeep it private").yaml();
        assertThat(again).as("a second export of the imported directory reads the same").isEqualTo(export.yaml());
    }

    @Test
    void theDemoDirectoryExportsWithItsAdminKey() throws IOException {
        GatehouseConfig demo = ConfigLoader.demo();
        Directory directory = Gatehouse.create(demo.directory(), new InMemoryStore(), clock).directory();
        String yaml = DirectoryWriter.write(demo, directory, "demo").yaml();
        assertThat(yaml).contains("accessKeyId: " + ConfigLoader.DEMO_ADMIN_KEY_ID).contains("id: '111111111111'")
                .doesNotContain("&id").doesNotContain("correct horse")
                .as("defaults are not written").doesNotContain("maxSessionsPerUser").doesNotContain("auditRetention");
        assertThat(load("demo.yaml", yaml).directory().users()).hasSize(2);
    }

    @Test
    void onlyTheSettingThatIsNotItsDefaultIsExported() throws IOException {
        for (String setting : List.of("maxSessionsPerUser: 7", "auditRetention: PT36H")) {
            GatehouseConfig config = load("one.yaml", setting + "\nusers: []\n");
            Directory directory = Gatehouse.create(config.directory(), new InMemoryStore(), clock).directory();
            String yaml = DirectoryWriter.write(config, directory, "one setting").yaml();

            assertThat(yaml.lines().filter(l -> l.startsWith("maxSessionsPerUser") || l.startsWith("auditRetention")))
                    .containsExactly(setting);
            assertThat(load("again.yaml", yaml).directory().controls()).isEqualTo(config.directory().controls());
        }
    }

    /** What the admin APIs would make: a user, a group, a permission set, memberships, assignments, a key. */
    private void addApiEntries(LiveDirectory live) {
        Directory d = live.directory();
        Stamps stamps = Stamps.made(clock.instant(), "AKIAGATEHOUSEADMIN01");
        User ann = d.user("ann").orElseThrow();
        User zoe = new User(d.ids().newResourceId(), "zoë@example.com", Optional.empty(), Optional.empty(),
                Attributes.of(Map.of("DisplayName", "Zoë", "Title", "true", "Addresses",
                        List.of(Map.of("PostalCode", "01234", "Primary", false)), "Extensions",
                        Map.of("aws:identitystore:enterprise", Map.of("employeeNumber", 7L, "manager", "ann")))),
                List.of(new ExternalId("scim", "z-1")), Origin.API, stamps);
        Group api = new Group(d.ids().newResourceId(), "Made by API", Optional.empty(), List.of(), Origin.API,
                stamps);
        PermissionSet billing = new PermissionSet(d.ids().newPermissionSetArn(), "Billing",
                Optional.of("bills"), Duration.ofHours(3), Optional.empty(), false, Map.of("a", ""),
                new PermissionSet.Policies(Optional.empty(), List.of(), List.of(),
                        Optional.of(new PermissionSet.Boundary(Optional.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                                Optional.empty()))),
                Set.of(), Origin.API, stamps);
        live.write(List.of(zoe, api, billing,
                new Membership(d.ids().newResourceId(), api.id(), zoe.id(), Origin.API, stamps),
                new Membership(d.ids().newResourceId(), api.id(), ann.id(), Origin.API, stamps),
                new Assignment(PROD, billing.arn(), PrincipalType.GROUP, api.id(), Origin.API, stamps),
                new Assignment(PROD, billing.arn(), PrincipalType.USER, zoe.id(), Origin.API, stamps),
                new Assignment("999999999999", billing.arn(), PrincipalType.USER, zoe.id(), Origin.API, stamps),
                new AdminKey("AKIAGATEHOUSEAPI0001", Optional.empty(), clock.instant(), "AKIAGATEHOUSEADMIN01",
                        Optional.empty())), List.of());
    }

    private static Set<String> pairs(Directory d) {
        return d.groupsAfter(null).stream().flatMap(g -> d.membershipsOf(g.id()).stream())
                .map(m -> m.groupId() + "/" + m.userId()).collect(Collectors.toSet());
    }

    private static User unstamped(User u) {
        return new User(u.id(), u.userName(), u.passwordHash(), u.totpSecret(), u.attributes(), u.externalIds(),
                Origin.FILE, NO_STAMPS);
    }

    private static Group unstamped(Group g) {
        return new Group(g.id(), g.displayName(), g.description(), g.externalIds(), Origin.FILE, NO_STAMPS);
    }

    /** Provisioning is sso-admin's state, not the file's: a new store starts unprovisioned. */
    private static PermissionSet unstamped(PermissionSet p) {
        return new PermissionSet(p.arn(), p.name(), p.description(), p.sessionDuration(), p.relayState(),
                p.revokeRoleSessionsOnLogout(), p.tags(), p.policies(), Set.of(), Origin.FILE, NO_STAMPS);
    }

    private static Assignment unstamped(Assignment a) {
        return new Assignment(a.accountId(), a.permissionSetArn(), a.principalType(), a.principalId(), Origin.FILE,
                NO_STAMPS);
    }
}
