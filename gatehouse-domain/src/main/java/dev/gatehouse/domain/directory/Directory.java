package dev.gatehouse.domain.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Who may sign in and what each user may reach: the live directory, kept in memory and indexed for
 * the hot path (sign-in, ListAccounts, ListAccountRoles, GetRoleCredentials), which reads it without
 * locks. {@link LiveDirectory} puts and removes entries as the store's change log says; accounts and
 * the settings come from the configuration and do not change while the service runs. Lists come out
 * sorted so that pages are stable.
 */
public final class Directory {
    /** How long a browser may leave its session unused when the configuration does not say. */
    public static final Duration DEFAULT_BROWSER_IDLE_TIMEOUT = Duration.ofHours(1);
    /** How far apart the clocks of two instances on one store may be when one makes a user and the other a session. */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(2);

    private final String region;
    private final Duration signInSessionDuration;
    private final Duration browserIdleTimeout;
    private final DirectoryIds ids;
    private final Map<String, Account> accounts;

    // Entries by id twice over: a hash map for the hot path's lookups (one hash, whatever the size), a
    // skip list for the lists that page in id order.
    private final ConcurrentSkipListMap<String, User> users = new ConcurrentSkipListMap<>();
    private final Map<String, User> userIndex = new ConcurrentHashMap<>();
    private final Map<String, String> userIdsByName = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Group> groups = new ConcurrentSkipListMap<>();
    private final Map<String, String> groupIdsByName = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Membership> memberships = new ConcurrentSkipListMap<>();
    private final Map<String, Set<String>> groupsOfUser = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> membershipsOfGroup = new ConcurrentHashMap<>();
    /** Membership ids by {@link Membership#pairKey}: one lookup for a group and a user, whatever the group's size. */
    private final Map<String, String> membershipIdsByPair = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, PermissionSet> permissionSets = new ConcurrentSkipListMap<>();
    private final Map<String, PermissionSet> permissionSetIndex = new ConcurrentHashMap<>();
    private final Map<String, String> permissionSetArnsByName = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Assignment> assignments = new ConcurrentSkipListMap<>();
    private final Map<String, Assignment> assignmentIndex = new ConcurrentHashMap<>();
    /**
     * Assignment ids by principal: ids, not the records, so that an assignment put again with new
     * stamps is the same member of the set, and a reader walking it finds one version or the other.
     */
    private final Map<String, Set<String>> assignmentIdsOfPrincipal = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, AdminKey> adminKeys = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, RequestStatus> requestStatuses = new ConcurrentSkipListMap<>();
    private final Map<String, Invitation> invitations = new ConcurrentHashMap<>();
    private final Map<String, Invitation> invitationsOfUser = new ConcurrentHashMap<>();

    /** @param browserIdleTimeout how long a browser's session cookie may go unused before it stops working */
    public Directory(String region, Duration signInSessionDuration, Duration browserIdleTimeout, List<Account> accounts,
                     DirectoryIds ids) {
        if (browserIdleTimeout.isNegative() || browserIdleTimeout.isZero()) {
            throw new IllegalArgumentException("browserIdleTimeout must be positive");
        }
        this.region = region;
        this.signInSessionDuration = signInSessionDuration;
        this.browserIdleTimeout = browserIdleTimeout;
        this.ids = ids;
        Map<String, Account> byId = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (byId.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("duplicate entry " + a.id());
            }
        }
        this.accounts = Map.copyOf(byId);
    }

    public String region() {
        return region;
    }

    public Duration signInSessionDuration() {
        return signInSessionDuration;
    }

    public Duration browserIdleTimeout() {
        return browserIdleTimeout;
    }

    public DirectoryIds ids() {
        return ids;
    }

    // ---- users and groups

    /** The user of this name, compared without regard to case. */
    public Optional<User> user(String userName) {
        String id = userIdsByName.get(userName.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(userIndex.get(id));
    }

    public Optional<User> userById(String userId) {
        return Optional.ofNullable(userIndex.get(userId));
    }

    /**
     * The user a sign-in session belongs to. Sessions name their user by id, and belong only to a user
     * made before them: a file user's id is derived from its name, so a user dropped from the file and
     * added again is the same id but a new user, whose predecessor's sessions stay ended. Sessions made
     * before the directory was live named their user by user name, which still finds that user while
     * the directory file still makes it, never a user made later under that name.
     *
     * @param sessionCreatedAt when the session began
     */
    public Optional<User> userOfSession(String userRef, Instant sessionCreatedAt) {
        Instant latestUserCreation = sessionCreatedAt.plus(CLOCK_SKEW_ALLOWANCE);
        return userById(userRef)
                .filter(u -> !u.stamps().createdAt().isAfter(latestUserCreation))
                .or(() -> user(userRef).filter(u -> u.origin() == Origin.FILE
                        && u.id().equals(ids.fileResourceId(EntryKind.USER, u.userName()))));
    }

    /** Every user, ordered by id. */
    public Collection<User> users() {
        return users.values();
    }

    /** Users ordered by id, starting after {@code afterId} (or from the first when null). */
    public Collection<User> usersAfter(String afterId) {
        return afterId == null ? users.values() : users.tailMap(afterId, false).values();
    }

    public Optional<Group> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    public Optional<Group> groupByName(String displayName) {
        String id = groupIdsByName.get(displayName.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(groups.get(id));
    }

    public Collection<Group> groupsAfter(String afterId) {
        return afterId == null ? groups.values() : groups.tailMap(afterId, false).values();
    }

    public Optional<Membership> membership(String membershipId) {
        return Optional.ofNullable(memberships.get(membershipId));
    }

    /** The ids of the groups the user belongs to. */
    public Set<String> groupIdsOf(String userId) {
        return Collections.unmodifiableSet(groupsOfUser.getOrDefault(userId, Set.of()));
    }

    /** The memberships of a group, ordered by membership id. */
    public List<Membership> membershipsOf(String groupId) {
        return membershipsOfGroup.getOrDefault(groupId, Set.of()).stream().sorted()
                .map(memberships::get).filter(m -> m != null).toList();
    }

    /** The user's memberships, ordered by membership id. */
    public List<Membership> membershipsOfUser(String userId) {
        List<Membership> result = new ArrayList<>();
        for (String groupId : groupIdsOf(userId)) {
            membershipOf(groupId, userId).ifPresent(result::add);
        }
        result.sort(Comparator.comparing(Membership::id));
        return result;
    }

    public Optional<Membership> membershipOf(String groupId, String userId) {
        String id = membershipIdsByPair.get(Membership.pairKey(groupId, userId));
        return id == null ? Optional.empty() : Optional.ofNullable(memberships.get(id));
    }

    // ---- accounts, permission sets, assignments

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** Every configured account, ordered by id. */
    public List<Account> accounts() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::id)).toList();
    }

    /** The permission set of this name, compared without regard to case. */
    public Optional<PermissionSet> permissionSet(String name) {
        String arn = permissionSetArnsByName.get(name.toLowerCase(Locale.ROOT));
        return arn == null ? Optional.empty() : Optional.ofNullable(permissionSetIndex.get(arn));
    }

    public Optional<PermissionSet> permissionSetByArn(String arn) {
        return Optional.ofNullable(permissionSetIndex.get(arn));
    }

    /** Every permission set, ordered by ARN. */
    public Collection<PermissionSet> permissionSets() {
        return permissionSets.values();
    }

    public Optional<Assignment> assignment(String id) {
        return Optional.ofNullable(assignmentIndex.get(id));
    }

    /** Every assignment, ordered by id (account, then permission set, then principal). */
    public Collection<Assignment> assignments() {
        return assignments.values();
    }

    /** The assignments made to this user or group directly, in no particular order. */
    public List<Assignment> assignmentsOf(String principalId) {
        List<Assignment> result = new ArrayList<>();
        forEachAssignmentOf(principalId, result::add);
        return result;
    }

    /** The accounts in which the user has at least one permission set, ordered by account id. */
    public List<Account> accountsOf(User user) {
        TreeSet<String> accountIds = new TreeSet<>();
        forEachAssignmentReaching(user, a -> {
            if (accounts.containsKey(a.accountId()) && permissionSetIndex.containsKey(a.permissionSetArn())) {
                accountIds.add(a.accountId());
            }
            return null;
        });
        List<Account> result = new ArrayList<>(accountIds.size());
        accountIds.forEach(id -> result.add(accounts.get(id)));
        return result;
    }

    /** The permission sets the user holds in one account, ordered by name; empty when none. */
    public List<PermissionSet> permissionSetsOf(User user, String accountId) {
        if (!accounts.containsKey(accountId)) {
            return List.of();
        }
        TreeSet<String> arns = new TreeSet<>();
        forEachAssignmentReaching(user, a -> {
            if (a.accountId().equals(accountId)) {
                arns.add(a.permissionSetArn());
            }
            return null;
        });
        List<PermissionSet> result = new ArrayList<>(arns.size());
        for (String arn : arns) {
            PermissionSet p = permissionSetIndex.get(arn);
            if (p != null) {
                result.add(p);
            }
        }
        result.sort(Comparator.comparing(PermissionSet::name));
        return result;
    }

    private void forEachAssignmentReaching(User user, Function<Assignment, Void> action) {
        forEachAssignmentOf(user.id(), action::apply);
        for (String groupId : groupIdsOf(user.id())) {
            forEachAssignmentOf(groupId, action::apply);
        }
    }

    private void forEachAssignmentOf(String principalId, Consumer<Assignment> action) {
        for (String id : assignmentIdsOfPrincipal.getOrDefault(principalId, Set.of())) {
            Assignment a = assignmentIndex.get(id);
            if (a != null) {
                action.accept(a);
            }
        }
    }

    // ---- admin keys

    public Optional<AdminKey> adminKey(String accessKeyId) {
        return Optional.ofNullable(adminKeys.get(accessKeyId));
    }

    public Collection<AdminKey> adminKeys() {
        return adminKeys.values();
    }

    // ---- sso-admin's asynchronous request statuses

    public Optional<RequestStatus> requestStatus(String requestId) {
        return Optional.ofNullable(requestStatuses.get(requestId));
    }

    /** Every request status, in no particular order. */
    public Collection<RequestStatus> requestStatuses() {
        return requestStatuses.values();
    }

    // ---- invitations

    /** The invitation whose token has this SHA-256 hash (base64url), expired or not. */
    public Optional<Invitation> invitation(String tokenHash) {
        return Optional.ofNullable(invitations.get(tokenHash));
    }

    /** The user's one invitation, expired or not. */
    public Optional<Invitation> invitationOf(String userId) {
        return Optional.ofNullable(invitationsOfUser.get(userId));
    }

    // ---- changes, made only by LiveDirectory (one writer at a time)

    /** The entry of this kind and id, as held now. */
    public Optional<DirectoryEntry> entry(EntryKind kind, String id) {
        return Optional.ofNullable(switch (kind) {
            case USER -> userIndex.get(id);
            case GROUP -> groups.get(id);
            case MEMBERSHIP -> memberships.get(id);
            case PERMISSION_SET -> permissionSetIndex.get(id);
            case ASSIGNMENT -> assignmentIndex.get(id);
            case ADMIN_KEY -> adminKeys.get(id);
            case REQUEST_STATUS -> requestStatuses.get(id);
            case INVITATION -> invitations.get(id);
        });
    }

    /**
     * Puts an entry, replacing the one of the same kind and id. A replacement whose indexes are the
     * held one's (a profile change, a new stamp, the same entry again from the change log) goes in
     * place, so that a reader never misses the entry, its memberships or its assignments; only a
     * replacement that moves an index (a new user name, display name or permission set name) drops
     * the held one's index entries first.
     */
    synchronized void put(DirectoryEntry entry) {
        Optional<DirectoryEntry> held = entry(entry.kind(), entry.id());
        if (held.isPresent() && !indexedAlike(held.get(), entry)) {
            remove(entry.kind(), entry.id());
        }
        switch (entry) {
            case User u -> {
                users.put(u.id(), u);
                userIndex.put(u.id(), u);
                userIdsByName.put(u.userName().toLowerCase(Locale.ROOT), u.id());
            }
            case Group g -> {
                groups.put(g.id(), g);
                groupIdsByName.put(g.displayName().toLowerCase(Locale.ROOT), g.id());
            }
            case Membership m -> {
                memberships.put(m.id(), m);
                membershipIdsByPair.put(Membership.pairKey(m.groupId(), m.userId()), m.id());
                groupsOfUser.compute(m.userId(), (k, v) -> with(v, m.groupId()));
                membershipsOfGroup.compute(m.groupId(), (k, v) -> with(v, m.id()));
            }
            case PermissionSet p -> {
                permissionSets.put(p.arn(), p);
                permissionSetIndex.put(p.arn(), p);
                permissionSetArnsByName.put(p.name().toLowerCase(Locale.ROOT), p.arn());
            }
            case Assignment a -> {
                assignments.put(a.id(), a);
                assignmentIndex.put(a.id(), a);
                assignmentIdsOfPrincipal.compute(a.principalId(), (k, v) -> with(v, a.id()));
            }
            case AdminKey k -> adminKeys.put(k.accessKeyId(), k);
            case RequestStatus r -> requestStatuses.put(r.requestId(), r);
            case Invitation i -> {
                invitations.put(i.tokenHash(), i);
                invitationsOfUser.put(i.userId(), i);
            }
        }
    }

    /** Whether a replacement holds the same index entries as the held entry of its kind and id. */
    private static boolean indexedAlike(DirectoryEntry held, DirectoryEntry replacement) {
        return switch (held) {
            case User u -> sameName(u.userName(), ((User) replacement).userName());
            case Group g -> sameName(g.displayName(), ((Group) replacement).displayName());
            case Membership m -> m.groupId().equals(((Membership) replacement).groupId())
                    && m.userId().equals(((Membership) replacement).userId());
            case PermissionSet p -> sameName(p.name(), ((PermissionSet) replacement).name());
            case Assignment a -> a.principalId().equals(((Assignment) replacement).principalId());
            case Invitation i -> i.userId().equals(((Invitation) replacement).userId());
            case AdminKey k -> true;
            case RequestStatus r -> true;
        };
    }

    private static boolean sameName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    synchronized void remove(EntryKind kind, String id) {
        switch (kind) {
            case USER -> {
                User u = users.remove(id);
                userIndex.remove(id);
                if (u != null) {
                    userIdsByName.remove(u.userName().toLowerCase(Locale.ROOT), u.id());
                }
            }
            case GROUP -> {
                Group g = groups.remove(id);
                if (g != null) {
                    groupIdsByName.remove(g.displayName().toLowerCase(Locale.ROOT), g.id());
                }
            }
            case MEMBERSHIP -> {
                Membership m = memberships.remove(id);
                if (m != null) {
                    membershipIdsByPair.remove(Membership.pairKey(m.groupId(), m.userId()), m.id());
                    if (membershipOf(m.groupId(), m.userId()).isEmpty()) {
                        groupsOfUser.computeIfPresent(m.userId(), (k, v) -> without(v, m.groupId()));
                    }
                    membershipsOfGroup.computeIfPresent(m.groupId(), (k, v) -> without(v, m.id()));
                }
            }
            case PERMISSION_SET -> {
                PermissionSet p = permissionSets.remove(id);
                permissionSetIndex.remove(id);
                if (p != null) {
                    permissionSetArnsByName.remove(p.name().toLowerCase(Locale.ROOT), p.arn());
                }
            }
            case ASSIGNMENT -> {
                Assignment a = assignments.remove(id);
                assignmentIndex.remove(id);
                if (a != null) {
                    assignmentIdsOfPrincipal.computeIfPresent(a.principalId(), (k, v) -> without(v, a.id()));
                }
            }
            case ADMIN_KEY -> adminKeys.remove(id);
            case REQUEST_STATUS -> requestStatuses.remove(id);
            case INVITATION -> {
                Invitation i = invitations.remove(id);
                if (i != null) {
                    invitationsOfUser.remove(i.userId(), i);
                }
            }
        }
    }

    /**
     * Holds exactly {@code entries} from now on: each is put in place, then whatever else was held goes,
     * so that readers see every entry the store still holds at every moment of a full load.
     */
    synchronized void replaceAll(List<DirectoryEntry> entries) {
        Map<EntryKind, Set<String>> kept = new EnumMap<>(EntryKind.class);
        for (DirectoryEntry entry : entries) {
            put(entry);
            kept.computeIfAbsent(entry.kind(), k -> new HashSet<>()).add(entry.id());
        }
        for (EntryKind kind : EntryKind.values()) {
            Set<String> keptOfKind = kept.getOrDefault(kind, Set.of());
            List<String> held = switch (kind) {
                case USER -> List.copyOf(users.keySet());
                case GROUP -> List.copyOf(groups.keySet());
                case MEMBERSHIP -> List.copyOf(memberships.keySet());
                case PERMISSION_SET -> List.copyOf(permissionSets.keySet());
                case ASSIGNMENT -> List.copyOf(assignments.keySet());
                case ADMIN_KEY -> List.copyOf(adminKeys.keySet());
                case REQUEST_STATUS -> List.copyOf(requestStatuses.keySet());
                case INVITATION -> List.copyOf(invitations.keySet());
            };
            held.stream().filter(id -> !keptOfKind.contains(id)).forEach(id -> remove(kind, id));
        }
    }

    /** The set with the item added; index sets are concurrent, so readers never need a lock. */
    private static <T> Set<T> with(Set<T> set, T item) {
        Set<T> result = set == null ? ConcurrentHashMap.newKeySet() : set;
        result.add(item);
        return result;
    }

    /** The set with the item removed, or null (dropping the key) once it is empty. */
    private static <T> Set<T> without(Set<T> set, T item) {
        set.remove(item);
        return set.isEmpty() ? null : set;
    }
}
