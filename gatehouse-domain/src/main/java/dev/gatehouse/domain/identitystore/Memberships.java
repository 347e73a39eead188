package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.List;
import java.util.function.Supplier;

/**
 * identitystore's membership operations: CreateGroupMembership, DescribeGroupMembership,
 * DeleteGroupMembership, GetGroupMembershipId, ListGroupMemberships, ListGroupMembershipsForMember and
 * IsMemberInGroups. A user is in a group at most once (the store holds the pair as a unique key), and a
 * membership takes effect on the user's next portal call.
 */
public final class Memberships {
    private static final String GROUP_ID = "groupId";
    private static final String MEMBER_USER_ID = "memberId.userId";

    private final IdentityStore store;

    Memberships(IdentityStore store) {
        this.store = store;
    }

    /** CreateGroupMembership: the new membership's id. */
    public String create(AdminCaller caller, String identityStoreId, String groupId, String userId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId(GROUP_ID, groupId);
        Inputs.resourceId(MEMBER_USER_ID, userId);
        store.check(identityStoreId);
        Group group = store.group(groupId);
        User user = store.user(userId);
        Membership membership = new Membership(store.directory().ids().newResourceId(), group.id(), user.id(),
                Origin.API, store.made(caller));
        store.write(List.of(membership), List.of());
        return membership.id();
    }

    /** DescribeGroupMembership. */
    public Membership describe(String identityStoreId, String membershipId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("membershipId", membershipId);
        store.check(identityStoreId);
        return membership(membershipId);
    }

    /** DeleteGroupMembership. */
    public void delete(String identityStoreId, String membershipId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("membershipId", membershipId);
        store.check(identityStoreId);
        store.write(List.of(), List.of(membership(membershipId)));
    }

    /** GetGroupMembershipId: the membership of this user in this group. */
    public String idOf(String identityStoreId, String groupId, String userId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId(GROUP_ID, groupId);
        Inputs.resourceId(MEMBER_USER_ID, userId);
        store.check(identityStoreId);
        return store.directory().membershipOf(groupId, userId)
                .orElseThrow(() -> IdentityStoreException.notFound(ResourceType.GROUP_MEMBERSHIP, null)).id();
    }

    /** ListGroupMemberships: the group's memberships ordered by id, a page at a time. */
    public Page<Membership> ofGroup(String identityStoreId, String groupId, Integer maxResults, String nextToken) {
        Inputs.resourceId(GROUP_ID, groupId);
        return page(identityStoreId, "group-memberships:" + groupId, maxResults, nextToken,
                () -> store.directory().membershipsOf(store.group(groupId).id()));
    }

    /** ListGroupMembershipsForMember: the user's memberships ordered by id, a page at a time. */
    public Page<Membership> ofMember(String identityStoreId, String userId, Integer maxResults, String nextToken) {
        Inputs.resourceId(MEMBER_USER_ID, userId);
        return page(identityStoreId, "member-memberships:" + userId, maxResults, nextToken,
                () -> store.directory().membershipsOfUser(store.user(userId).id()));
    }

    /** IsMemberInGroups: for each group asked about, in order, whether the user is a member of it. */
    public List<MembershipCheck> isMemberInGroups(String identityStoreId, String userId, List<String> groupIds) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId(MEMBER_USER_ID, userId);
        if (groupIds == null) {
            throw InvalidMemberException.missing("groupIds");
        }
        if (groupIds.isEmpty() || groupIds.size() > 100) {
            throw Inputs.violation("groupIds", "have length between 1 and 100");
        }
        groupIds.forEach(id -> Inputs.resourceId("groupIds.member", id));
        store.check(identityStoreId);
        User user = store.user(userId);
        return groupIds.stream()
                .map(id -> new MembershipCheck(id, store.directory().groupIdsOf(user.id()).contains(id))).toList();
    }

    /** One answer of IsMemberInGroups. */
    public record MembershipCheck(String groupId, boolean member) {
    }

    private Membership membership(String membershipId) {
        return store.directory().membership(membershipId)
                .orElseThrow(() -> IdentityStoreException.notFound(ResourceType.GROUP_MEMBERSHIP, membershipId));
    }

    /** A page of memberships from {@code listed} (ordered by id), for the list named {@code scope}. */
    private Page<Membership> page(String identityStoreId, String scope, Integer maxResults, String nextToken,
                                  Supplier<List<Membership>> listed) {
        Inputs.identityStoreId(identityStoreId);
        int size = Inputs.maxResults(maxResults);
        String after = PageToken.lastIdOf(scope, nextToken);
        store.check(identityStoreId);
        return Page.of(Page.after(listed.get(), after, Membership::id), size, scope, Membership::id);
    }
}
