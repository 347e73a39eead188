package dev.gatehouse.domain.directory;

import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FileGroup;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the live directory match the directory file, by the rule in {@link Origin}: every user, group,
 * membership, permission set and assignment the file names is written as the file says it (an entry
 * of that name made through the API is taken over); {@code FILE} entries the file no longer names are
 * deleted, with the memberships, assignments and invitations that name them; entries made through the API are left
 * alone. Entries already as the file says are not written again, so a restart with an unchanged file
 * writes nothing. One atomic write.
 */
public final class DirectoryImport {
    /** Who the stamps of imported entries name. */
    public static final String BY_FILE = "directory-file";

    private final Directory directory;
    private final DirectoryIds ids;
    private final Instant now;
    /** Entries that replace held ones; written first, so that a name one gives up is free for an addition. */
    private final List<DirectoryEntry> replacements = new ArrayList<>();
    /** Entries new to the directory. */
    private final List<DirectoryEntry> additions = new ArrayList<>();
    private final Set<String> kept = new HashSet<>();

    private DirectoryImport(Directory directory, Instant now) {
        this.directory = directory;
        this.ids = directory.ids();
        this.now = now;
    }

    /** What an import wrote: how many entries were written and how many deleted. */
    public record Result(int written, int deleted) {
    }

    public static Result apply(DirectoryFile file, LiveDirectory live, InstantSource clock) {
        live.refresh();
        DirectoryImport run = new DirectoryImport(live.directory(), clock.instant());
        Map<String, User> users = run.users(file.users());
        Map<String, Group> groups = run.groups(file);
        run.memberships(file.users(), users, groups);
        Map<String, PermissionSet> permissionSets = run.permissionSets(file.permissionSets());
        run.assignments(file.assignments(), users, groups, permissionSets);
        List<DirectoryEntry> deletes = run.deletions();
        List<DirectoryEntry> writes = new ArrayList<>(run.replacements);
        writes.addAll(run.additions);
        live.write(writes, deletes);
        return new Result(writes.size(), deletes.size());
    }

    /**
     * The file's users. A user is the held one of its name, or else the held one of its id (a user the
     * file renamed: an exported file names every id). A user the file gives no password keeps the
     * password and authenticator app it set through an invitation link; a password or hash in the
     * file replaces both, and then only the file's authenticator secret holds.
     */
    private Map<String, User> users(List<FileUser> fileUsers) {
        Map<String, User> byName = new LinkedHashMap<>();
        Map<String, String> namesByClaimedId = new HashMap<>();
        fileUsers.forEach(f -> f.id().ifPresent(id -> namesByClaimedId.put(id, f.userName())));
        for (FileUser f : fileUsers) {
            // a held user whose id another file user names is that one's (renamed), not this name's
            Optional<User> existing = directory.user(f.userName())
                    .filter(u -> namesByClaimedId.getOrDefault(u.id(), f.userName()).equals(f.userName()))
                    .or(() -> f.id().flatMap(directory::userById));
            String id = existing.map(User::id).or(f::id).orElseGet(() -> newUserId(f.userName(), namesByClaimedId));
            boolean fileGivesPassword = f.passwordHash().isPresent() || f.password().isPresent();
            Optional<String> hash = f.passwordHash()
                    .or(() -> f.password().map(plain -> existing.flatMap(User::passwordHash)
                            .filter(h -> Passwords.verify(plain, h))
                            .orElseGet(() -> Passwords.hash(plain))))
                    .or(() -> existing.flatMap(User::passwordHash));
            Optional<String> totpSecret = fileGivesPassword ? f.totpSecret()
                    : f.totpSecret().or(() -> existing.flatMap(User::totpSecret));
            User user = new User(id, f.userName(), hash, totpSecret, f.attributes(), f.externalIds(), Origin.FILE,
                    Stamps.made(now, BY_FILE));
            byName.put(f.userName(), keep(user, existing));
        }
        return byName;
    }

    /**
     * A new file user's id: derived from its name, unless another file user claims that id (a user
     * renamed in the file keeps the id derived from its old name, which a new user of that name then
     * cannot have).
     */
    private String newUserId(String userName, Map<String, String> namesByClaimedId) {
        String derived = ids.fileResourceId(EntryKind.USER, userName);
        boolean claimedByAnother = !namesByClaimedId.getOrDefault(derived, userName).equals(userName);
        return claimedByAnother ? ids.newResourceId() : derived;
    }

    private Map<String, Group> groups(DirectoryFile file) {
        Map<String, FileGroup> declared = new LinkedHashMap<>();
        file.groups().forEach(g -> declared.put(g.displayName(), g));
        file.users().stream().flatMap(u -> u.groups().stream()).sorted()
                .forEach(name -> declared.putIfAbsent(name, new FileGroup(Optional.empty(), name, Optional.empty(),
                        List.of())));
        Map<String, Group> byName = new LinkedHashMap<>();
        for (FileGroup f : declared.values()) {
            Optional<Group> existing = directory.groupByName(f.displayName())
                    .or(() -> f.id().flatMap(directory::group));
            String id = existing.map(Group::id).or(f::id)
                    .orElseGet(() -> ids.fileResourceId(EntryKind.GROUP, f.displayName()));
            Group group = new Group(id, f.displayName(), f.description(), f.externalIds(), Origin.FILE,
                    Stamps.made(now, BY_FILE));
            byName.put(f.displayName(), keep(group, existing));
        }
        return byName;
    }

    private void memberships(List<FileUser> fileUsers, Map<String, User> users, Map<String, Group> groups) {
        for (FileUser f : fileUsers) {
            User user = users.get(f.userName());
            for (String groupName : f.groups()) {
                Group group = groups.get(groupName);
                Optional<Membership> existing = directory.membershipOf(group.id(), user.id());
                String id = existing.map(Membership::id)
                        .orElseGet(() -> ids.fileResourceId(EntryKind.MEMBERSHIP, group.id() + "\n" + user.id()));
                keep(new Membership(id, group.id(), user.id(), Origin.FILE, Stamps.made(now, BY_FILE)), existing);
            }
        }
    }

    private Map<String, PermissionSet> permissionSets(List<FilePermissionSet> filePermissionSets) {
        Map<String, PermissionSet> byName = new LinkedHashMap<>();
        for (FilePermissionSet f : filePermissionSets) {
            Optional<PermissionSet> existing = directory.permissionSet(f.name())
                    .or(() -> f.arn().flatMap(directory::permissionSetByArn));
            String arn = existing.map(PermissionSet::arn).or(f::arn)
                    .orElseGet(() -> ids.filePermissionSetArn(f.name()));
            PermissionSet p = new PermissionSet(arn, f.name(), f.description(), f.sessionDuration(), f.relayState(),
                    f.revokeRoleSessionsOnLogout(), f.tags(), f.policies(),
                    existing.map(PermissionSet::provisionedTo).orElse(Set.of()), Origin.FILE,
                    Stamps.made(now, BY_FILE));
            byName.put(f.name(), keep(p, existing));
        }
        return byName;
    }

    private void assignments(List<FileAssignment> fileAssignments, Map<String, User> users, Map<String, Group> groups,
                             Map<String, PermissionSet> permissionSets) {
        for (FileAssignment f : fileAssignments) {
            String principalId = f.principalType() == PrincipalType.USER
                    ? users.get(f.principal()).id() : groups.get(f.principal()).id();
            String arn = permissionSets.get(f.permissionSet()).arn();
            Optional<Assignment> existing = directory.assignment(
                    Assignment.idOf(f.accountId(), arn, f.principalType(), principalId));
            keep(new Assignment(f.accountId(), arn, f.principalType(), principalId, Origin.FILE,
                    Stamps.made(now, BY_FILE)), existing);
        }
    }

    /**
     * Keeps {@code wanted} in the directory: when an entry like it is already there (stamps aside), it
     * stays as it is; otherwise {@code wanted} is written, keeping the existing entry's creation stamp.
     */
    private <T extends DirectoryEntry> T keep(T wanted, Optional<T> existing) {
        kept.add(key(wanted));
        if (existing.isPresent()) {
            T current = existing.get();
            if (current.id().equals(wanted.id()) && withStamps(wanted, stampsOf(current)).equals(current)) {
                return current;
            }
            T changed = withStamps(wanted, stampsOf(current).changed(now, BY_FILE));
            replacements.add(changed);
            return changed;
        }
        additions.add(wanted);
        return wanted;
    }

    /** FILE entries not named any more, and whatever names an entry deleted here. */
    private List<DirectoryEntry> deletions() {
        Set<String> gone = new HashSet<>();
        List<DirectoryEntry> deletes = new ArrayList<>();
        Stream.of(directory.users(), directory.groupsAfter(null), directory.permissionSets())
                .flatMap(c -> c.stream().map(DirectoryEntry.class::cast))
                .filter(e -> originOf(e) == Origin.FILE && !kept.contains(key(e)))
                .forEach(e -> {
                    deletes.add(e);
                    gone.add(e.id());
                });
        for (Group g : directory.groupsAfter(null)) {
            for (Membership m : directory.membershipsOf(g.id())) {
                boolean orphan = gone.contains(m.groupId()) || gone.contains(m.userId());
                if (orphan || (m.origin() == Origin.FILE && !kept.contains(key(m)))) {
                    deletes.add(m);
                }
            }
        }
        for (String userId : gone) {
            directory.invitationOf(userId).ifPresent(deletes::add);
        }
        for (Assignment a : directory.assignments()) {
            boolean orphan = gone.contains(a.principalId()) || gone.contains(a.permissionSetArn());
            if (orphan || (a.origin() == Origin.FILE && !kept.contains(key(a)))) {
                deletes.add(a);
            }
        }
        return deletes;
    }

    private static String key(DirectoryEntry e) {
        return e.kind() + "/" + e.id();
    }

    private static Origin originOf(DirectoryEntry e) {
        return switch (e) {
            case User u -> u.origin();
            case Group g -> g.origin();
            case Membership m -> m.origin();
            case PermissionSet p -> p.origin();
            case Assignment a -> a.origin();
            case AdminKey k -> Origin.API;
            case RequestStatus r -> Origin.API;
            case Invitation i -> Origin.API;
        };
    }

    private static Stamps stampsOf(DirectoryEntry e) {
        return switch (e) {
            case User u -> u.stamps();
            case Group g -> g.stamps();
            case Membership m -> m.stamps();
            case PermissionSet p -> p.stamps();
            case Assignment a -> a.stamps();
            case AdminKey k -> Stamps.made(k.createdAt(), k.createdBy());
            case RequestStatus r -> Stamps.made(r.createdAt(), r.createdBy());
            case Invitation i -> Stamps.made(i.createdAt(), i.createdBy());
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends DirectoryEntry> T withStamps(T e, Stamps s) {
        return (T) switch (e) {
            case User u -> new User(u.id(), u.userName(), u.passwordHash(), u.totpSecret(), u.attributes(),
                    u.externalIds(), u.origin(), s);
            case Group g -> new Group(g.id(), g.displayName(), g.description(), g.externalIds(), g.origin(), s);
            case Membership m -> new Membership(m.id(), m.groupId(), m.userId(), m.origin(), s);
            case PermissionSet p -> new PermissionSet(p.arn(), p.name(), p.description(), p.sessionDuration(),
                    p.relayState(), p.revokeRoleSessionsOnLogout(), p.tags(), p.policies(), p.provisionedTo(),
                    p.origin(), s);
            case Assignment a -> new Assignment(a.accountId(), a.permissionSetArn(), a.principalType(),
                    a.principalId(), a.origin(), s);
            case AdminKey k -> k;
            case RequestStatus r -> r;
            case Invitation i -> i;
        };
    }
}
