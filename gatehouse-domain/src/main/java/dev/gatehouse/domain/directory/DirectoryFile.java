package dev.gatehouse.domain.directory;

import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.session.SignInSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the directory file (or the built-in demo) declares: the settings, the accounts, and the users,
 * groups, permission sets and assignments the file is authoritative for. {@link DirectoryImport} makes
 * the live directory match it at start; see {@link Origin} for the rule.
 *
 * @param adminKeys bootstrap admin access keys with their secrets, for set-up and tests; kept in memory
 *     only, never stored
 */
public record DirectoryFile(String region, Duration signInSessionDuration, Duration browserIdleTimeout,
                            List<FileUser> users, List<FileGroup> groups, List<Account> accounts,
                            List<FilePermissionSet> permissionSets, List<FileAssignment> assignments,
                            List<BootstrapAdminKey> adminKeys, Controls controls, IdentitySource identitySource) {

    /**
     * The safeguards a directory file sets beside its data: the cap on a user's active sign-in sessions
     * (past it the oldest is ended) and how long the store keeps audit records.
     */
    public record Controls(int maxSessionsPerUser, Duration auditRetention) {
        public static final Controls DEFAULT = new Controls(SignInSessions.DEFAULT_MAX_SESSIONS_PER_USER,
                AuditTrail.DEFAULT_RETENTION);

        /**
         * The defaults with no cap on a user's sessions, so that starting one reads none of the user's
         * others: for load tests and tools that seed many sessions of one user in bulk. A directory file
         * cannot ask for it.
         */
        public static final Controls NO_SESSION_CAP = new Controls(SignInSessions.NO_CAP, AuditTrail.DEFAULT_RETENTION);
    }

    public DirectoryFile(String region, Duration signInSessionDuration, Duration browserIdleTimeout,
                         List<FileUser> users, List<FileGroup> groups, List<Account> accounts,
                         List<FilePermissionSet> permissionSets, List<FileAssignment> assignments,
                         List<BootstrapAdminKey> adminKeys) {
        this(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts, permissionSets, assignments,
                adminKeys, Controls.DEFAULT, new IdentitySource.OwnDirectory());
    }

    public DirectoryFile(String region, Duration signInSessionDuration, Duration browserIdleTimeout,
                         List<FileUser> users, List<FileGroup> groups, List<Account> accounts,
                         List<FilePermissionSet> permissionSets, List<FileAssignment> assignments,
                         List<BootstrapAdminKey> adminKeys, Controls controls) {
        this(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts, permissionSets, assignments,
                adminKeys, controls, new IdentitySource.OwnDirectory());
    }

    public DirectoryFile withControls(Controls value) {
        return new DirectoryFile(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts,
                permissionSets, assignments, adminKeys, value, identitySource);
    }

    public DirectoryFile withIdentitySource(IdentitySource value) {
        return new DirectoryFile(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts,
                permissionSets, assignments, adminKeys, controls, value);
    }

    public DirectoryFile {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        accounts = List.copyOf(accounts);
        permissionSets = List.copyOf(permissionSets);
        assignments = List.copyOf(assignments);
        adminKeys = List.copyOf(adminKeys);
    }

    /** A file with users, accounts, permission sets and assignments only (groups named by users). */
    public DirectoryFile(String region, Duration signInSessionDuration, List<FileUser> users, List<Account> accounts,
                         List<FilePermissionSet> permissionSets, List<FileAssignment> assignments) {
        this(region, signInSessionDuration, Directory.DEFAULT_BROWSER_IDLE_TIMEOUT, users, List.of(), accounts,
                permissionSets, assignments, List.of());
    }

    public DirectoryFile withBrowserIdleTimeout(Duration timeout) {
        return new DirectoryFile(region, signInSessionDuration, timeout, users, groups, accounts, permissionSets,
                assignments, adminKeys, controls, identitySource);
    }

    public DirectoryFile withAdminKeys(List<BootstrapAdminKey> keys) {
        return new DirectoryFile(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts,
                permissionSets, assignments, keys, controls, identitySource);
    }

    /**
     * A user as the file declares it. Exactly one of {@code password} (plain, hashed on import) and
     * {@code passwordHash} may be given; with neither the user signs in only after setting a password
     * through an invitation link.
     *
     * @param id         the UserId to keep (an exported directory names it); empty: derived from the name
     * @param attributes identitystore profile attributes beyond the e-mail and display name
     */
    public record FileUser(Optional<String> id, String userName, Optional<String> password,
                           Optional<String> passwordHash, Optional<String> totpSecret, Attributes attributes,
                           List<ExternalId> externalIds, Set<String> groups) {
        public FileUser {
            externalIds = List.copyOf(externalIds);
            groups = Set.copyOf(groups);
        }

        /** A user with an encoded password hash, an e-mail and a display name, as older files declared them. */
        public FileUser(String userName, String passwordHash, String email, String displayName, Set<String> groups,
                        Optional<String> totpSecret) {
            this(Optional.empty(), userName, Optional.empty(), Optional.of(passwordHash), totpSecret,
                    profile(email, displayName), List.of(), groups);
        }

        /** Attributes holding a display name and one primary work e-mail, as the file's short form gives them. */
        public static Attributes profile(String email, String displayName) {
            Map<String, Object> values = new LinkedHashMap<>();
            if (displayName != null && !displayName.isEmpty()) {
                values.put("DisplayName", displayName);
            }
            if (email != null && !email.isEmpty()) {
                List<Object> emails = new ArrayList<>();
                emails.add(Map.of("Value", email, "Type", "work", "Primary", true));
                values.put("Emails", emails);
            }
            return Attributes.of(values);
        }

        @Override
        public String toString() {
            return "FileUser[" + userName + "]";
        }
    }

    /** A group the file declares; groups named only in users' {@code groups} are made too. */
    public record FileGroup(Optional<String> id, String displayName, Optional<String> description,
                            List<ExternalId> externalIds) {
        public FileGroup {
            externalIds = List.copyOf(externalIds);
        }
    }

    public record FilePermissionSet(Optional<String> arn, String name, Duration sessionDuration,
                                    boolean revokeRoleSessionsOnLogout, Optional<String> description,
                                    Optional<String> relayState, Map<String, String> tags,
                                    PermissionSet.Policies policies) {
        public FilePermissionSet {
            tags = Map.copyOf(tags);
        }

        public FilePermissionSet(String name, Duration sessionDuration, boolean revokeRoleSessionsOnLogout) {
            this(Optional.empty(), name, sessionDuration, revokeRoleSessionsOnLogout, Optional.empty(), Optional.empty(),
                    Map.of(), PermissionSet.Policies.NONE);
        }

        public FilePermissionSet(String name, Duration sessionDuration) {
            this(name, sessionDuration, false);
        }
    }

    /** An assignment by names: the permission set's name, and the user's name or the group's display name. */
    public record FileAssignment(String accountId, String permissionSet, PrincipalType principalType,
                                 String principal) {
        public static FileAssignment toUser(String accountId, String permissionSet, String userName) {
            return new FileAssignment(accountId, permissionSet, PrincipalType.USER, userName);
        }

        public static FileAssignment toGroup(String accountId, String permissionSet, String group) {
            return new FileAssignment(accountId, permissionSet, PrincipalType.GROUP, group);
        }
    }

    /** An admin access key whose secret the file gives (AKIA and 16 upper-case letters or digits). */
    public record BootstrapAdminKey(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "BootstrapAdminKey[" + accessKeyId + "]";
        }
    }
}
