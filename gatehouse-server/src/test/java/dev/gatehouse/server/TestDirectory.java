package dev.gatehouse.server;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory the server tests run against: alice (group admins) with three accounts, bob with
 * one, "many" with 45 accounts for paging, and tom (admins) who also needs a TOTP code.
 */
public final class TestDirectory {
    public static final String PASSWORD = "correct horse battery staple";
    /** tom signs in with a TOTP code as well. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    public static final String PROD = "111111111111";
    public static final String DEV = "222222222222";
    public static final String SANDBOX = "333333333333";

    private TestDirectory() {
    }

    /** The permission set, assigned to alice in DEV only by {@link #revokingOnLogout()}, whose role sessions end with a Logout. */
    public static final String REVOKED_ON_LOGOUT = "RevokedOnLogoutAccess";

    public static Directory create() {
        return create(List.of(), List.of());
    }

    /** The same directory plus {@link #REVOKED_ON_LOGOUT} (PT1H, {@code revokeRoleSessionsOnLogout}) for alice in DEV. */
    public static Directory revokingOnLogout() {
        return create(List.of(new PermissionSet(REVOKED_ON_LOGOUT, Duration.ofHours(1), true)),
                List.of(new Assignment(DEV, REVOKED_ON_LOGOUT, new Assignment.ToUser("alice"))));
    }

    private static Directory create(List<PermissionSet> extraPermissionSets, List<Assignment> extraAssignments) {
        String hash = Passwords.hash(PASSWORD);
        List<User> users = List.of(
                new User("alice", hash, "alice@example.com", "Alice", Set.of("admins"), Optional.empty()),
                new User("bob", hash, "bob@example.com", "Bob", Set.of(), Optional.empty()),
                new User("many", hash, "many@example.com", "Many", Set.of(), Optional.empty()),
                new User("tom", hash, "tom@example.com", "Tom Two-Factor", Set.of("admins"), Optional.of(TOTP_SECRET)));
        List<Account> accounts = new ArrayList<>(List.of(
                new Account(PROD, "Production", "prod@example.com"),
                new Account(DEV, "Development", "dev@example.com"),
                new Account(SANDBOX, "Sandbox", "sandbox@example.com")));
        List<PermissionSet> permissionSets = new ArrayList<>(List.of(
                new PermissionSet("AdministratorAccess", Duration.ofHours(1)),
                new PermissionSet("ReadOnlyAccess", Duration.ofHours(4))));
        permissionSets.addAll(extraPermissionSets);
        List<Assignment> assignments = new ArrayList<>(List.of(
                new Assignment(PROD, "AdministratorAccess", new Assignment.ToGroup("admins")),
                new Assignment(PROD, "ReadOnlyAccess", new Assignment.ToUser("alice")),
                new Assignment(DEV, "AdministratorAccess", new Assignment.ToGroup("admins")),
                new Assignment(SANDBOX, "ReadOnlyAccess", new Assignment.ToGroup("admins")),
                new Assignment(DEV, "ReadOnlyAccess", new Assignment.ToUser("bob"))));
        assignments.addAll(extraAssignments);
        for (int i = 0; i < 45; i++) {
            String id = String.format("9000000000%02d", i);
            accounts.add(new Account(id, "Account " + i, "acct" + i + "@example.com"));
            assignments.add(new Assignment(id, "ReadOnlyAccess", new Assignment.ToUser("many")));
        }
        return new Directory("us-east-1", Duration.ofHours(8), users, accounts, permissionSets, assignments);
    }
}
