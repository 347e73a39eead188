package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.BootstrapAdminKey;
import dev.gatehouse.domain.directory.DirectoryFile.FileGroup;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.PermissionSet.Boundary;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys a directory file gained with the live directory, read into {@link DirectoryFile}. */
class DirectoryFileKeysTest {
    private static final String USER_ID = "0123456789-a1b2c3d4-e5f6-4a8b-9c0d-e1f2a3b4c5d6";
    private static final String GROUP_ID = "0123456789-b1b2c3d4-e5f6-4a8b-9c0d-e1f2a3b4c5d6";
    private static final String ARN = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef";

    @TempDir
    Path dir;

    private DirectoryFile load(String yaml) throws IOException {
        Path file = dir.resolve("gatehouse.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file).directory();
    }

    @Test
    void aUserMayComeWithoutAPasswordAndWithIdAttributesAndExternalIds() throws IOException {
        DirectoryFile file = load("""
                users:
                  - userName: José.García
                    id: %s
                    attributes:
                      DisplayName: José García
                      Name: {GivenName: José, FamilyName: García}
                      NickName: Pepe
                      Title: Engineer
                      Emails: [{Value: jose@example.com, Type: work, Primary: true}]
                      Addresses: [{StreetAddress: 1 Main St, PostalCode: 01234, Country: ES, Primary: true}]
                      PhoneNumbers: [{Value: "+34 600 000 000", Type: mobile}]
                      Extensions:
                        "aws:identitystore:enterprise": {employeeNumber: 42, costCenter: R&D, manager: {value: x}}
                    externalIds:
                      - {issuer: https://idp.example.com, id: jose-1}
                    groups: [Platform Team]
                  - userName: kim
                    email: kim@example.com
                """.formatted(USER_ID));

        FileUser jose = file.users().get(0);
        assertThat(jose.id()).contains(USER_ID);
        assertThat(jose.password()).isEmpty();
        assertThat(jose.passwordHash()).isEmpty();
        assertThat(jose.externalIds()).containsExactly(new ExternalId("https://idp.example.com", "jose-1"));
        assertThat(jose.groups()).containsExactly("Platform Team");
        assertThat(jose.attributes().asMap()).as("as written, in the order written").containsExactly(
                Map.entry("DisplayName", "José García"),
                Map.entry("Name", Map.of("GivenName", "José", "FamilyName", "García")),
                Map.entry("NickName", "Pepe"),
                Map.entry("Title", "Engineer"),
                Map.entry("Emails", List.of(Map.of("Value", "jose@example.com", "Type", "work", "Primary", true))),
                Map.entry("Addresses", List.of(Map.of("StreetAddress", "1 Main St", "PostalCode", "01234",
                        "Country", "ES", "Primary", true))),
                Map.entry("PhoneNumbers", List.of(Map.of("Value", "+34 600 000 000", "Type", "mobile"))),
                Map.entry("Extensions", Map.of("aws:identitystore:enterprise",
                        Map.of("employeeNumber", 42L, "costCenter", "R&D", "manager", Map.of("value", "x")))));
        assertThat(jose.attributes().primaryEmail()).contains("jose@example.com");

        FileUser kim = file.users().get(1);
        assertThat(kim.password()).isEmpty();
        assertThat(kim.attributes().asMap()).containsEntry("DisplayName", "kim");
        assertThat(kim.attributes().primaryEmail()).contains("kim@example.com");
    }

    @Test
    void theShortFormsFillInBesideAttributes() throws IOException {
        FileUser user = load("""
                users:
                  - userName: lee
                    email: lee@example.com
                    displayName: Lee
                    attributes: {Title: Boss}
                """).users().get(0);
        assertThat(user.attributes().string("DisplayName")).contains("Lee");
        assertThat(user.attributes().string("Title")).contains("Boss");
        assertThat(user.attributes().primaryEmail()).contains("lee@example.com");
    }

    @Test
    void groupsAreDeclaredOnTheirOwnAndMayBeAssignedWithoutMembers() throws IOException {
        DirectoryFile file = load("""
                groups:
                  - displayName: Auditors
                    description: Read-only reviewers
                    id: %s
                    externalIds: [{issuer: scim, id: g-1}]
                  - displayName: Empty for now
                accounts:
                  - {id: "111111111111", name: A, email: a@example.com}
                permissionSets:
                  - name: ReadOnly
                assignments:
                  - {account: "111111111111", permissionSet: ReadOnly, group: Auditors}
                """.formatted(GROUP_ID));

        assertThat(file.groups()).containsExactly(
                new FileGroup(Optional.of(GROUP_ID), "Auditors", Optional.of("Read-only reviewers"),
                        List.of(new ExternalId("scim", "g-1"))),
                new FileGroup(Optional.empty(), "Empty for now", Optional.empty(), List.of()));
        assertThat(file.assignments()).hasSize(1);
    }

    @Test
    void permissionSetsCarryEverySsoAdminField() throws IOException {
        DirectoryFile file = load("""
                permissionSets:
                  - name: Admin
                    arn: %s
                    sessionDuration: PT2H
                    description: Full access
                    relayState: https://console.aws.amazon.com/ec2/
                    tags: {team: platform, CostCenter: 1234, empty: ""}
                    inlinePolicy: '{"Version":"2012-10-17","Statement":[]}'
                    managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]
                    customerManagedPolicies:
                      - {name: TeamPolicy}
                      - {name: Other, path: /team/}
                    permissionsBoundary: {managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess"}
                  - name: Bounded
                    permissionsBoundary:
                      customerManagedPolicy: {name: Boundary, path: /b/}
                """.formatted(ARN));

        FilePermissionSet admin = file.permissionSets().get(0);
        assertThat(admin.arn()).contains(ARN);
        assertThat(admin.sessionDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(admin.description()).contains("Full access");
        assertThat(admin.relayState()).contains("https://console.aws.amazon.com/ec2/");
        assertThat(admin.tags()).isEqualTo(Map.of("team", "platform", "CostCenter", "1234", "empty", ""));
        assertThat(admin.policies().inline()).contains("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThat(admin.policies().managed()).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(admin.policies().customerManaged()).containsExactly(new PolicyReference("TeamPolicy", "/"),
                new PolicyReference("Other", "/team/"));
        assertThat(admin.policies().boundary()).contains(
                new Boundary(Optional.of("arn:aws:iam::aws:policy/PowerUserAccess"), Optional.empty()));
        assertThat(file.permissionSets().get(1).policies().boundary()).contains(
                new Boundary(Optional.empty(), Optional.of(new PolicyReference("Boundary", "/b/"))));
    }

    @Test
    void adminKeysAreRead() throws IOException {
        DirectoryFile file = load("""
                adminKeys:
                  - accessKeyId: AKIAGATEHOUSEADMIN01
                    secretAccessKey: "0123456789012345678901234567890123456789"
                """);
        assertThat(file.adminKeys()).containsExactly(
                new BootstrapAdminKey("AKIAGATEHOUSEADMIN01", "0123456789012345678901234567890123456789"));
    }

    @Test
    void theDemoDirectoryHasABootstrapAdminKey() {
        assertThat(ConfigLoader.demo().directory().adminKeys()).extracting(BootstrapAdminKey::accessKeyId)
                .containsExactly(ConfigLoader.DEMO_ADMIN_KEY_ID);
    }

    @Test
    void groupsNamedOnlyByUsersStillWork() throws IOException {
        assertThat(load("""
                users:
                  - {userName: a, password: p, email: a@example.com, groups: [ops]}
                """).users().get(0).groups()).isEqualTo(Set.of("ops"));
    }

    @Test
    void aFileBeyondSnakeYamlsDefaultLimitLoads() throws IOException {
        String hash = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
        StringBuilder yaml = new StringBuilder("users:\n");
        String padding = "x".repeat(120);
        for (int i = 0; i < 14_000; i++) {
            yaml.append("  - {userName: user%05d, passwordHash: '%s', email: user%05d@example.com, displayName: %s}\n"
                    .formatted(i, hash, i, padding));
        }
        assertThat(yaml.length()).as("above the 3 MiB snakeyaml-engine refuses by default").isGreaterThan(3 << 20);
        assertThat(load(yaml.toString()).users()).hasSize(14_000);
    }
}
