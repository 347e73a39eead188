package dev.gatehouse.bench;

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
import java.util.SplittableRandom;

/**
 * The large directory beside a small one: the small directory's users, accounts, permission
 * sets and assignments unchanged, plus 10,000 users, 1,000 groups (each user in three), accounts up to
 * 1,000, permission sets up to 100, and 100,000 assignments spread over the generated users and groups
 * (half to groups, half to users directly). The small directory's users keep exactly their own
 * assignments, so a request by one of them returns the same answer in both and the difference is the
 * directory's size alone. Seeded, so every run builds the same directory.
 */
final class LargeDirectory {
    static final int USERS = 10_000;
    static final int GROUPS = 1_000;
    static final int ACCOUNTS = 1_000;
    static final int PERMISSION_SETS = 100;
    static final int ASSIGNMENTS = 100_000;
    static final int GROUPS_PER_USER = 3;

    private LargeDirectory() {
    }

    static DirectoryFile around(DirectoryFile small) {
        SplittableRandom random = new SplittableRandom(11);
        String hash = Passwords.hash("generated user password");
        List<Account> accounts = new ArrayList<>(small.accounts());
        for (int i = accounts.size(); i < ACCOUNTS; i++) {
            accounts.add(new Account(String.format("5%011d", i), "Generated " + i, "acct" + i + "@example.com"));
        }
        List<FilePermissionSet> permissionSets = new ArrayList<>(small.permissionSets());
        for (int i = permissionSets.size(); i < PERMISSION_SETS; i++) {
            permissionSets.add(new FilePermissionSet("Generated" + i, Duration.ofHours(1 + i % 12)));
        }
        List<FileUser> users = new ArrayList<>(small.users());
        List<String> groupNames = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groupNames.add(String.format("team-%04d", g));
        }
        for (int u = 0; u < USERS; u++) {
            Set<String> groups = Set.of(groupNames.get(u % GROUPS), groupNames.get((u * 7 + 1) % GROUPS),
                    groupNames.get((u * 13 + 2) % GROUPS));
            String name = String.format("user%05d", u);
            users.add(new FileUser(name, hash, name + "@example.com", "User " + u, groups, Optional.empty()));
        }
        List<FileAssignment> assignments = new ArrayList<>(small.assignments());
        java.util.Set<String> made = new java.util.HashSet<>();
        while (assignments.size() < small.assignments().size() + ASSIGNMENTS) {
            String account = accounts.get(random.nextInt(accounts.size())).id();
            String permissionSet = permissionSets.get(random.nextInt(permissionSets.size())).name();
            boolean toGroup = random.nextBoolean();
            String principal = toGroup ? groupNames.get(random.nextInt(GROUPS))
                    : String.format("user%05d", random.nextInt(USERS));
            if (made.add(account + "|" + permissionSet + "|" + toGroup + "|" + principal)) {
                assignments.add(toGroup ? FileAssignment.toGroup(account, permissionSet, principal)
                        : FileAssignment.toUser(account, permissionSet, principal));
            }
        }
        return new DirectoryFile(small.region(), small.signInSessionDuration(), small.browserIdleTimeout(), users,
                small.groups(), accounts, permissionSets, assignments, small.adminKeys(), small.controls());
    }
}
