package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.List;
import java.util.Optional;

/**
 * identitystore's group operations: CreateGroup, DescribeGroup, UpdateGroup, DeleteGroup, ListGroups
 * and GetGroupId. Display names are unique without regard to case (the store holds the key); deleting
 * a group takes its memberships and the account assignments naming it in the same write.
 */
public final class Groups {
    private static final String DISPLAY_NAME = "displayName";
    private static final String DESCRIPTION = "description";

    private final IdentityStore store;

    Groups(IdentityStore store) {
        this.store = store;
    }

    /** CreateGroup: the new group's id. */
    public String create(AdminCaller caller, String identityStoreId, String displayName, String description) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.groupDisplayName(DISPLAY_NAME, displayName);
        Inputs.sensitive(DESCRIPTION, description);
        IdentityStore.checkNotReserved("groups", displayName);
        store.check(identityStoreId);
        IdentityStore.checkQuota(store.directory().groupsAfter(null).size(), store.quotas().groups(), "groups");
        Group group = new Group(store.directory().ids().newResourceId(), displayName, Optional.ofNullable(description),
                List.of(), Origin.API, store.made(caller));
        store.write(List.of(group), List.of());
        return group.id();
    }

    /** DescribeGroup. */
    public Group describe(String identityStoreId, String groupId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("groupId", groupId);
        store.check(identityStoreId);
        return store.group(groupId);
    }

    /** UpdateGroup: {@code displayName} and {@code description}; a null description removes it. */
    public void update(AdminCaller caller, String identityStoreId, String groupId,
                       List<AttributeOperation> operations) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("groupId", groupId);
        Inputs.operations(operations);
        store.check(identityStoreId);
        Group group = store.group(groupId);
        String displayName = group.displayName();
        Optional<String> description = group.description();
        for (AttributeOperation op : operations) {
            String path = op.path();
            if (op.value() != null && !(op.value() instanceof String)) {
                throw InvalidMemberException.wrongType("operations.member.attributeValue", "a string", null);
            }
            String value = (String) op.value();
            if (path.equalsIgnoreCase(DISPLAY_NAME)) {
                if (value == null) {
                    throw UserProfile.required(List.of(DISPLAY_NAME));
                }
                displayName = Inputs.groupDisplayName(DISPLAY_NAME, value);
                IdentityStore.checkNotReserved("groups", displayName);
            } else if (path.equalsIgnoreCase(DESCRIPTION)) {
                description = Optional.ofNullable(Inputs.sensitive(DESCRIPTION, value));
            } else {
                throw Inputs.invalid("Invalid attribute path: " + path);
            }
        }
        Group updated = new Group(group.id(), displayName, description, group.externalIds(), group.origin(),
                store.changed(group.stamps(), caller));
        store.write(List.of(updated), List.of());
    }

    /** DeleteGroup: the group, its memberships and the account assignments naming it, in one write. */
    public void delete(String identityStoreId, String groupId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("groupId", groupId);
        store.check(identityStoreId);
        Group group = store.group(groupId);
        store.deleteWithDependents(group, PrincipalType.GROUP,
                store.directory().membershipsOf(group.id()));
    }

    /** ListGroups: groups ordered by id, a page at a time; a filter on {@code DisplayName} finds one by name. */
    public Page<Group> list(String identityStoreId, Integer maxResults, String nextToken, List<Filter> filters) {
        Inputs.identityStoreId(identityStoreId);
        int size = Inputs.maxResults(maxResults);
        String after = PageToken.lastIdOf("groups", nextToken);
        Optional<Filter> filter = Filters.single(filters, "DisplayName");
        store.check(identityStoreId);
        Iterable<Group> listed = filter.isEmpty() ? store.directory().groupsAfter(after)
                : Page.after(store.directory().groupByName(filter.get().value()).stream().toList(), after, Group::id);
        return Page.of(listed, size, "groups", Group::id);
    }

    /** GetGroupId: by {@code displayName}, or by an external id. */
    public String idOf(String identityStoreId, AlternateIdentifier identifier) {
        Inputs.identityStoreId(identityStoreId);
        Optional<Group> found = switch (identifier) {
            case AlternateIdentifier.UniqueAttribute unique -> {
                String path = Inputs.attributePath("alternateIdentifier.uniqueAttribute.attributePath", unique.path());
                String value = Filters.stringValue(unique.value());
                if (!path.equalsIgnoreCase(DISPLAY_NAME)) {
                    throw Inputs.invalid("The attribute " + path + " is not a unique attribute; use displayName");
                }
                store.check(identityStoreId);
                yield store.directory().groupByName(value);
            }
            case AlternateIdentifier.External external -> {
                IdentityStore.externalId("alternateIdentifier.externalId", external.externalId());
                store.check(identityStoreId);
                yield store.directory().groupsAfter(null).stream()
                        .filter(g -> g.externalIds().contains(external.externalId())).findFirst();
            }
        };
        return found.orElseThrow(() -> IdentityStoreException.notFound(ResourceType.GROUP, null)).id();
    }
}
