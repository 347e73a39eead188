package dev.gatehouse.domain.identitystore;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.ADMIN;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.OTHER_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupsTest {
    private final IdentityStoreFixture f = new IdentityStoreFixture();
    private final Groups groups = f.identityStore.groups();
    private final Directory directory = f.domain.directory;

    @Test
    void aCreatedGroupIsDescribedAsGivenWithItsStamps() {
        Instant at = f.domain.clock.instant();
        String id = groups.create(ADMIN, f.storeId, "Platform Team", "Runs the platform");
        Group group = groups.describe(f.storeId, id);
        assertThat(group.displayName()).isEqualTo("Platform Team");
        assertThat(group.description()).contains("Runs the platform");
        assertThat(group.origin()).isEqualTo(Origin.API);
        assertThat(group.stamps().createdAt()).isEqualTo(at);
        assertThat(group.stamps().createdBy()).isEqualTo(ADMIN.accessKeyId());
        assertThat(groups.create(ADMIN, f.storeId, "No description", null)).isNotEqualTo(id);
    }

    @Test
    void createChecksItsInputsReservedNamesAndUniqueness() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> groups.create(ADMIN, f.storeId, null, null));
        assertFails(ErrorCode.VALIDATION, () -> groups.create(ADMIN, f.storeId, "", null));
        assertFails(ErrorCode.VALIDATION, () -> groups.create(ADMIN, f.storeId, "bell\u0007", null));
        assertFails(ErrorCode.INVALID_REQUEST, () -> groups.create(ADMIN, f.storeId, "g".repeat(1025), null));
        assertFails(ErrorCode.VALIDATION, () -> groups.create(ADMIN, f.storeId, "ok", ""));
        assertFails(ErrorCode.VALIDATION, () -> groups.create(ADMIN, f.storeId, "AWSAdministrators", null));
        assertFails(ErrorCode.VALIDATION, () -> groups.create(ADMIN, f.storeId, "administrator", null));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> groups.create(ADMIN, "d-0000000000", "ok", null));
        assertThatThrownBy(() -> groups.create(ADMIN, f.storeId, "OPS", null))
                .isInstanceOfSatisfying(IdentityStoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Duplicate GroupDisplayName");
                });
        assertThat(groups.create(ADMIN, f.storeId, "tab\tand space", null)).isNotBlank();
    }

    @Test
    void theGroupQuotaHoldsAtExactlyItsSize() {
        int held = directory.groupsAfter(null).size();
        IdentityStoreFixture limited = new IdentityStoreFixture(new Quotas(10, held + 1));
        limited.createGroup("last");
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> limited.createGroup("one-too-many"));
    }

    @Test
    void updateRenamesAndDescribesAndKeepsItsDisplayName() {
        String id = f.createGroup("dev");
        Instant created = f.domain.clock.instant();
        f.domain.advance(Duration.ofSeconds(30));
        groups.update(OTHER_ADMIN, f.storeId, id, List.of(new AttributeOperation("displayName", "developers"),
                new AttributeOperation("description", "People who build")));
        Group group = groups.describe(f.storeId, id);
        assertThat(group.displayName()).isEqualTo("developers");
        assertThat(group.description()).contains("People who build");
        assertThat(group.stamps().updatedAt()).isEqualTo(created.plusSeconds(30));
        assertThat(group.stamps().updatedBy()).isEqualTo(OTHER_ADMIN.accessKeyId());
        assertThat(directory.groupByName("dev")).isEmpty();

        groups.update(ADMIN, f.storeId, id, List.of(new AttributeOperation("description", null)));
        assertThat(groups.describe(f.storeId, id).description()).isEmpty();

        long version = f.version();
        assertFails(ErrorCode.VALIDATION, () -> groups.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("displayName", null))));
        assertFails(ErrorCode.CONFLICT, () -> groups.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("displayName", "Ops"))));
        assertFails(ErrorCode.VALIDATION, () -> groups.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("members", "x"))));
        assertFails(ErrorCode.INVALID_REQUEST, () -> groups.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("description", 5L))));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> groups.update(ADMIN, f.storeId,
                f.identityStore.directory().ids().newResourceId(), List.of(new AttributeOperation("description",
                        "x"))));
        assertThat(f.version()).isEqualTo(version);
    }

    @Test
    void deletingAGroupTakesItsMembershipsAndAssignmentsInOneWrite() {
        Group ops = directory.groupByName("ops").orElseThrow();
        assertThat(directory.membershipsOf(ops.id())).hasSize(1);
        assertThat(directory.assignmentsOf(ops.id())).hasSize(1);
        assertThat(directory.accountsOf(f.domain.ann)).hasSize(3);
        long version = f.version();

        groups.delete(f.storeId, ops.id());

        assertThat(f.version()).isEqualTo(version + 1);
        assertThat(directory.group(ops.id())).isEmpty();
        assertThat(directory.membershipsOf(ops.id())).isEmpty();
        assertThat(directory.groupIdsOf(f.domain.ann.id())).isEmpty();
        assertThat(directory.assignmentsOf(ops.id())).isEmpty();
        assertThat(directory.userById(f.domain.ann.id())).isPresent();
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> groups.delete(f.storeId, ops.id()));
    }

    @Test
    void listPagesAndFiltersByDisplayName() {
        for (int i = 0; i < 4; i++) {
            f.createGroup("team-" + i);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Group> page = groups.list(f.storeId, 2, token, null);
            page.items().forEach(g -> seen.add(g.id()));
            token = page.nextToken().orElse(null);
        } while (token != null);
        assertThat(seen).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(groups.list(f.storeId, null, null, List.of(new Filter("DisplayName", "TEAM-2"))).items())
                .extracting(Group::displayName).containsExactly("team-2");
        assertFails(ErrorCode.VALIDATION, () -> groups.list(f.storeId, null, null,
                List.of(new Filter("UserName", "team-2"))));
        String usersToken = f.identityStore.users().list(f.storeId, 1, null, null).nextToken().orElseThrow();
        assertFails(ErrorCode.VALIDATION, () -> groups.list(f.storeId, null, usersToken, null));
    }

    @Test
    void getGroupIdFindsByDisplayNameOrExternalId() {
        String id = f.createGroup("auditors");
        Group group = groups.describe(f.storeId, id);
        ExternalId external = new ExternalId("scim", "g-1");
        f.domain.gatehouse.liveDirectory().put(new Group(id, group.displayName(), Optional.empty(), List.of(external),
                group.origin(), group.stamps()));
        assertThat(groups.idOf(f.storeId, new AlternateIdentifier.UniqueAttribute("displayName", "Auditors")))
                .isEqualTo(id);
        assertThat(groups.idOf(f.storeId, new AlternateIdentifier.External(external))).isEqualTo(id);
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> groups.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("displayName", "nobody")));
        assertFails(ErrorCode.VALIDATION, () -> groups.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("description", "x")));
        assertFails(ErrorCode.VALIDATION, () -> groups.idOf(f.storeId,
                new AlternateIdentifier.External(new ExternalId("", "g-1"))));
    }
}
