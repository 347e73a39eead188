package dev.gatehouse.server;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.Passwords;
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
    /** A bootstrap admin key of the directory file, for signing admin API calls (identitystore, sso-admin). */
    public static final String ADMIN_KEY_ID = "AKIAGATEHOUSETEST001";
    public static final String ADMIN_SECRET = "test/admin/secret/0123456789abcdefghijklmnopqrstuv";

    private TestDirectory() {
    }

    /** The permission set, assigned to alice in DEV only by {@link #revokingOnLogout()}, whose role sessions end with a Logout. */
    public static final String REVOKED_ON_LOGOUT = "RevokedOnLogoutAccess";

    public static DirectoryFile create() {
        return create(List.of(), List.of());
    }

    /** The same directory plus {@link #REVOKED_ON_LOGOUT} (PT1H, {@code revokeRoleSessionsOnLogout}) for alice in DEV. */
    public static DirectoryFile revokingOnLogout() {
        return create(List.of(new FilePermissionSet(REVOKED_ON_LOGOUT, Duration.ofHours(1), true)),
                List.of(FileAssignment.toUser(DEV, REVOKED_ON_LOGOUT, "alice")));
    }

    private static DirectoryFile create(List<FilePermissionSet> extraPermissionSets, List<FileAssignment> extraAssignments) {
        String hash = Passwords.hash(PASSWORD);
        List<FileUser> users = List.of(
                new FileUser("alice", hash, "alice@example.com", "Alice", Set.of("admins"), Optional.empty()),
                new FileUser("bob", hash, "bob@example.com", "Bob", Set.of(), Optional.empty()),
                new FileUser("many", hash, "many@example.com", "Many", Set.of(), Optional.empty()),
                new FileUser("tom", hash, "tom@example.com", "Tom Two-Factor", Set.of("admins"), Optional.of(TOTP_SECRET)));
        List<Account> accounts = new ArrayList<>(List.of(
                new Account(PROD, "Production", "prod@example.com"),
                new Account(DEV, "Development", "dev@example.com"),
                new Account(SANDBOX, "Sandbox", "sandbox@example.com")));
        List<FilePermissionSet> permissionSets = new ArrayList<>(List.of(
                new FilePermissionSet("AdministratorAccess", Duration.ofHours(1)),
                new FilePermissionSet("ReadOnlyAccess", Duration.ofHours(4))));
        permissionSets.addAll(extraPermissionSets);
        List<FileAssignment> assignments = new ArrayList<>(List.of(
                FileAssignment.toGroup(PROD, "AdministratorAccess", "admins"),
                FileAssignment.toUser(PROD, "ReadOnlyAccess", "alice"),
                FileAssignment.toGroup(DEV, "AdministratorAccess", "admins"),
                FileAssignment.toGroup(SANDBOX, "ReadOnlyAccess", "admins"),
                FileAssignment.toUser(DEV, "ReadOnlyAccess", "bob")));
        assignments.addAll(extraAssignments);
        for (int i = 0; i < 45; i++) {
            String id = String.format("9000000000%02d", i);
            accounts.add(new Account(id, "Account " + i, "acct" + i + "@example.com"));
            assignments.add(FileAssignment.toUser(id, "ReadOnlyAccess", "many"));
        }
        return new DirectoryFile("us-east-1", Duration.ofHours(8), users, accounts, permissionSets, assignments)
                .withAdminKeys(List.of(new DirectoryFile.BootstrapAdminKey(ADMIN_KEY_ID, ADMIN_SECRET)));
    }
}
