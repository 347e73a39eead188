package dev.gatehouse.domain.identitystore;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.identitystore.Memberships.MembershipCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipsTest {
    private final IdentityStoreFixture f = new IdentityStoreFixture();
    private final Memberships memberships = f.identityStore.memberships();
    private final Directory directory = f.domain.directory;
    private final Group ops = directory.groupByName("ops").orElseThrow();

    @Test
    void aMembershipGivesTheUserTheGroupsAssignmentsAtOnce() {
        String bob = f.domain.bob.id();
        assertThat(directory.accountsOf(f.domain.bob)).isEmpty();

        String id = memberships.create(ADMIN, f.storeId, ops.id(), bob);

        Membership m = memberships.describe(f.storeId, id);
        assertThat(m.groupId()).isEqualTo(ops.id());
        assertThat(m.userId()).isEqualTo(bob);
        assertThat(m.stamps().createdBy()).isEqualTo(ADMIN.accessKeyId());
        assertThat(memberships.idOf(f.storeId, ops.id(), bob)).isEqualTo(id);
        assertThat(directory.accountsOf(f.domain.bob)).extracting(Account::id).containsExactly(
                dev.gatehouse.domain.DomainFixture.ACCOUNT_1);

        memberships.delete(f.storeId, id);
        assertThat(directory.accountsOf(f.domain.bob)).isEmpty();
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.describe(f.storeId, id));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.delete(f.storeId, id));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.idOf(f.storeId, ops.id(), bob));
    }

    @Test
    void aUserIsInAGroupAtMostOnce() {
        assertThatThrownBy(() -> memberships.create(ADMIN, f.storeId, ops.id(), f.domain.ann.id()))
                .isInstanceOfSatisfying(IdentityStoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.reason())
                            .contains(IdentityStoreException.ConflictReason.UNIQUENESS_CONSTRAINT_VIOLATION);
                });
    }

    @Test
    void createNamesWhatIsMissing() {
        String nobody = directory.ids().newResourceId();
        assertThatThrownBy(() -> memberships.create(ADMIN, f.storeId, nobody, f.domain.bob.id()))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.resourceType()).contains(ResourceType.GROUP));
        assertThatThrownBy(() -> memberships.create(ADMIN, f.storeId, ops.id(), nobody))
                .isInstanceOfSatisfying(IdentityStoreException.class,
                        e -> assertThat(e.resourceType()).contains(ResourceType.USER));
        assertFails(ErrorCode.VALIDATION, () -> memberships.create(ADMIN, f.storeId, "not-an-id", f.domain.bob.id()));
        assertFails(ErrorCode.INVALID_REQUEST, () -> memberships.create(ADMIN, f.storeId, ops.id(), null));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.create(ADMIN, "d-0000000000", ops.id(),
                f.domain.bob.id()));
    }

    @Test
    void listsPageThroughAGroupsAndAMembersMemberships() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = f.createUser("m" + i);
            users.add(user);
            memberships.create(ADMIN, f.storeId, ops.id(), user);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Membership> page = memberships.ofGroup(f.storeId, ops.id(), 2, token);
            page.items().forEach(m -> seen.add(m.userId()));
            token = page.nextToken().orElse(null);
        } while (token != null);
        assertThat(seen).hasSize(5).containsAll(users).contains(f.domain.ann.id());

        String team = f.createGroup("team");
        memberships.create(ADMIN, f.storeId, team, users.getFirst());
        Page<Membership> first = memberships.ofMember(f.storeId, users.getFirst(), 1, null);
        assertThat(first.items()).hasSize(1);
        Page<Membership> second = memberships.ofMember(f.storeId, users.getFirst(), 1, first.nextToken().orElseThrow());
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextToken()).isEmpty();
        assertThat(List.of(first.items().getFirst().groupId(), second.items().getFirst().groupId()))
                .containsExactlyInAnyOrder(ops.id(), team);

        String groupToken = memberships.ofGroup(f.storeId, ops.id(), 1, null).nextToken().orElseThrow();
        assertFails(ErrorCode.VALIDATION, () -> memberships.ofGroup(f.storeId, team, 1, groupToken));
        assertFails(ErrorCode.VALIDATION, () -> memberships.ofMember(f.storeId, users.getFirst(), 1, groupToken));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.ofGroup(f.storeId,
                directory.ids().newResourceId(), null, null));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.ofMember(f.storeId,
                directory.ids().newResourceId(), null, null));
    }

    @Test
    void isMemberInGroupsAnswersForEachGroupInOrder() {
        String team = f.createGroup("team");
        String unknown = directory.ids().newResourceId();
        assertThat(memberships.isMemberInGroups(f.storeId, f.domain.ann.id(), List.of(team, ops.id(), unknown)))
                .containsExactly(new MembershipCheck(team, false), new MembershipCheck(ops.id(), true),
                        new MembershipCheck(unknown, false));
        assertFails(ErrorCode.VALIDATION, () -> memberships.isMemberInGroups(f.storeId, f.domain.ann.id(), List.of()));
        assertFails(ErrorCode.INVALID_REQUEST, () -> memberships.isMemberInGroups(f.storeId, f.domain.ann.id(), null));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> memberships.isMemberInGroups(f.storeId, unknown,
                List.of(team)));
    }
}
