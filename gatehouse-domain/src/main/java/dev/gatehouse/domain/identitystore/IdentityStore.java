package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one identity store this Gatehouse is, over its live directory: the users, groups and
 * memberships services of the identitystore API, and what they share — the check that a call names
 * this store, the entries it looks up, the stamps of a change, and the write that turns a unique key
 * taken in the store into identitystore's ConflictException.
 */
public final class IdentityStore {
    /** Names identity center keeps for itself, for users and groups alike. */
    private static final Set<String> RESERVED_NAMES = Set.of("administrator", "awsadministrators");

    private final LiveDirectory live;
    private final SignInSessions sessions;
    private final InstantSource clock;
    private final Quotas quotas;
    private final Users users;
    private final Groups groups;
    private final Memberships memberships;

    public IdentityStore(LiveDirectory live, SignInSessions sessions, InstantSource clock) {
        this(live, sessions, clock, Quotas.AWS);
    }

    public IdentityStore(LiveDirectory live, SignInSessions sessions, InstantSource clock, Quotas quotas) {
        this.live = live;
        this.sessions = sessions;
        this.clock = clock;
        this.quotas = quotas;
        this.users = new Users(this);
        this.groups = new Groups(this);
        this.memberships = new Memberships(this);
    }

    /** The sign-in sessions, which a deleted user's end with them. */
    SignInSessions sessions() {
        return sessions;
    }

    public Users users() {
        return users;
    }

    public Groups groups() {
        return groups;
    }

    public Memberships memberships() {
        return memberships;
    }

    public String id() {
        return directory().ids().identityStoreId();
    }

    Directory directory() {
        return live.directory();
    }

    Quotas quotas() {
        return quotas;
    }

    /** Checks an IdentityStoreId as the model says, then that it names this store. */
    void check(String identityStoreId) {
        Inputs.identityStoreId(identityStoreId);
        if (!identityStoreId.equals(id())) {
            throw IdentityStoreException.notFound(ResourceType.IDENTITY_STORE, identityStoreId);
        }
    }

    User user(String userId) {
        return directory().userById(userId)
                .orElseThrow(() -> IdentityStoreException.notFound(ResourceType.USER, userId));
    }

    Group group(String groupId) {
        return directory().group(groupId)
                .orElseThrow(() -> IdentityStoreException.notFound(ResourceType.GROUP, groupId));
    }

    Stamps made(AdminCaller caller) {
        return Stamps.made(clock.instant(), caller.accessKeyId());
    }

    Stamps changed(Stamps stamps, AdminCaller caller) {
        return stamps.changed(clock.instant(), caller.accessKeyId());
    }

    /** Refuses a user name or group display name identity center reserves. */
    static void checkNotReserved(String member, String name) {
        if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new GatehouseException(ErrorCode.VALIDATION, name + " is a reserved name and cannot be used for "
                    + member);
        }
    }

    /** Refuses one more entry when the store already holds its quota of them. */
    static void checkQuota(int held, int quota, String what) {
        if (held >= quota) {
            throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "The identity store already holds "
                    + quota + " " + what + ", the most it may hold");
        }
    }

    /** An ExternalId as the model constrains it. */
    static ExternalId externalId(String member, ExternalId id) {
        Inputs.required(member + ".issuer", id.issuer(), 256, Inputs.EXTERNAL_ID);
        Inputs.required(member + ".id", id.id(), 256, Inputs.EXTERNAL_ID);
        return id;
    }

    /**
     * Deletes a user or group with the memberships and assignments that name it, in one write: nothing
     * may be left pointing at an entry that is gone.
     */
    void deleteWithDependents(DirectoryEntry principal, PrincipalType type, List<Membership> memberships) {
        List<DirectoryEntry> deletes = new ArrayList<>();
        deletes.add(principal);
        deletes.addAll(memberships);
        for (Assignment a : directory().assignmentsOf(principal.id())) {
            if (a.principalType() == type) {
                deletes.add(a);
            }
        }
        write(List.of(), deletes);
    }

    /**
     * Writes durably (in force here on return). A unique key another entry holds is a ConflictException,
     * and nothing is written. (The admin API's audit trail records the change, with the caller.)
     */
    void write(List<DirectoryEntry> puts, List<DirectoryEntry> deletes) {
        try {
            live.write(puts, deletes);
        } catch (UniqueKeyTakenException e) {
            throw IdentityStoreException.duplicate(conflictMessage(e.key()));
        }
    }

    private static String conflictMessage(String key) {
        if (key.startsWith("user-name:")) {
            return "Duplicate UserName";
        }
        if (key.startsWith("group-name:")) {
            return "Duplicate GroupDisplayName";
        }
        if (key.startsWith("membership:")) {
            return "Member and Group relationship already exists";
        }
        if (key.contains("external-id:")) {
            return "Duplicate ExternalId";
        }
        return "Duplicate value of a unique attribute";
    }
}
