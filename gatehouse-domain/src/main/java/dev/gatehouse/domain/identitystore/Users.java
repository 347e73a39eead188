package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * identitystore's user operations: CreateUser, DescribeUser, UpdateUser, DeleteUser, ListUsers and
 * GetUserId. A user made here has no password until they set one (their invitation); deleting a user
 * takes their memberships and account assignments with them in the same write, and their sign-in
 * sessions stop working at once, since a session is only good while its user exists.
 */
public final class Users {
    private static final String USER_NAME = "userName";

    private final IdentityStore store;

    Users(IdentityStore store) {
        this.store = store;
    }

    /** CreateUser: the new user's id. */
    public String create(AdminCaller caller, String identityStoreId, String userName, Attributes profile) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.userName(USER_NAME, userName);
        UserProfile.check(profile);
        IdentityStore.checkNotReserved("users", userName);
        store.check(identityStoreId);
        IdentityStore.checkQuota(store.directory().users().size(), store.quotas().users(), "users");
        User user = new User(store.directory().ids().newResourceId(), userName, Optional.empty(), Optional.empty(),
                profile, List.of(), Origin.API, store.made(caller));
        store.write(List.of(user), List.of());
        return user.id();
    }

    /** DescribeUser. */
    public User describe(String identityStoreId, String userId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("userId", userId);
        store.check(identityStoreId);
        return store.user(userId);
    }

    /**
     * UpdateUser: applies the operations in order ({@code userName} renames; a null value removes an
     * attribute), then writes the user once. A user keeps the attributes every user needs.
     */
    public void update(AdminCaller caller, String identityStoreId, String userId, List<AttributeOperation> operations) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("userId", userId);
        Inputs.operations(operations);
        store.check(identityStoreId);
        User user = store.user(userId);
        String userName = user.userName();
        Attributes profile = user.attributes();
        for (AttributeOperation op : operations) {
            if (op.path().equalsIgnoreCase(USER_NAME)) {
                if (!(op.value() instanceof String name)) {
                    throw op.value() == null ? UserProfile.required(List.of(USER_NAME))
                            : InvalidMemberException.wrongType(USER_NAME, "a string", null);
                }
                Inputs.userName(USER_NAME, name);
                IdentityStore.checkNotReserved("users", name);
                userName = name;
            } else {
                profile = UserProfile.apply(profile, op.path(), op.value());
            }
        }
        List<String> lost = new ArrayList<>(UserProfile.missingNames(profile));
        lost.removeAll(UserProfile.missingNames(user.attributes()));
        if (!lost.isEmpty()) {
            throw UserProfile.required(lost);
        }
        User updated = new User(user.id(), userName, user.passwordHash(), user.totpSecret(), profile,
                user.externalIds(), user.origin(), store.changed(user.stamps(), caller));
        store.write(List.of(updated), List.of());
    }

    /**
     * DeleteUser: the user, their memberships and the account assignments naming them, in one write;
     * then every sign-in session of theirs is ended in the store (their tokens already stopped working
     * with the user gone; ended, the sessions stay ended should an id come back).
     */
    public void delete(String identityStoreId, String userId) {
        Inputs.identityStoreId(identityStoreId);
        Inputs.resourceId("userId", userId);
        store.check(identityStoreId);
        User user = store.user(userId);
        store.deleteWithDependents(user, PrincipalType.USER,
                store.directory().membershipsOfUser(user.id()));
        store.sessions().endAllOf(user, "user_deleted");
    }

    /** ListUsers: users ordered by id, a page at a time; a filter on {@code UserName} finds one by name. */
    public Page<User> list(String identityStoreId, Integer maxResults, String nextToken, List<Filter> filters) {
        Inputs.identityStoreId(identityStoreId);
        int size = Inputs.maxResults(maxResults);
        String after = PageToken.lastIdOf("users", nextToken);
        Optional<Filter> filter = Filters.single(filters, "UserName");
        store.check(identityStoreId);
        Iterable<User> listed = filter.isEmpty() ? store.directory().usersAfter(after)
                : Page.after(store.directory().user(filter.get().value()).stream().toList(), after, User::id);
        return Page.of(listed, size, "users", User::id);
    }

    /** GetUserId: by {@code userName}, by {@code emails.value}, or by an external id. */
    public String idOf(String identityStoreId, AlternateIdentifier identifier) {
        Inputs.identityStoreId(identityStoreId);
        Optional<User> found = switch (identifier) {
            case AlternateIdentifier.UniqueAttribute unique -> byUniqueAttribute(identityStoreId, unique);
            case AlternateIdentifier.External external -> {
                IdentityStore.externalId("alternateIdentifier.externalId", external.externalId());
                store.check(identityStoreId);
                yield store.directory().users().stream()
                        .filter(u -> u.externalIds().contains(external.externalId())).findFirst();
            }
        };
        return found.orElseThrow(() -> IdentityStoreException.notFound(ResourceType.USER, null)).id();
    }

    private Optional<User> byUniqueAttribute(String identityStoreId, AlternateIdentifier.UniqueAttribute unique) {
        String path = Inputs.attributePath("alternateIdentifier.uniqueAttribute.attributePath", unique.path());
        String value = Filters.stringValue(unique.value());
        if (path.equalsIgnoreCase(USER_NAME)) {
            store.check(identityStoreId);
            return store.directory().user(value);
        }
        if (path.equalsIgnoreCase("emails.value")) {
            store.check(identityStoreId);
            return store.directory().users().stream()
                    .filter(u -> UserProfile.emails(u.attributes()).stream().anyMatch(value::equalsIgnoreCase))
                    .findFirst();
        }
        throw Inputs.invalid("The attribute " + path + " is not a unique attribute; use userName or emails.value");
    }
}
