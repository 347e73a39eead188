package dev.gatehouse.domain.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may sign in and what each user may reach: users, accounts, permission sets and assignments.
 * Immutable; built once from configuration. Lists come out sorted so that pages are stable.
 */
public final class Directory {
    /** How long a browser may leave its session unused when the configuration does not say. */
    public static final Duration DEFAULT_BROWSER_IDLE_TIMEOUT = Duration.ofHours(1);

    private final String region;
    private final Duration signInSessionDuration;
    private final Duration browserIdleTimeout;
    private final Map<String, User> users;
    private final Map<String, Account> accounts;
    private final Map<String, PermissionSet> permissionSets;
    private final List<Assignment> assignments;

    public Directory(String region, Duration signInSessionDuration, List<User> users, List<Account> accounts,
                     List<PermissionSet> permissionSets, List<Assignment> assignments) {
        this(region, signInSessionDuration, DEFAULT_BROWSER_IDLE_TIMEOUT, users, accounts, permissionSets, assignments);
    }

    /** @param browserIdleTimeout how long a browser's session cookie may go unused before it stops working */
    public Directory(String region, Duration signInSessionDuration, Duration browserIdleTimeout, List<User> users,
                     List<Account> accounts, List<PermissionSet> permissionSets, List<Assignment> assignments) {
        if (browserIdleTimeout.isNegative() || browserIdleTimeout.isZero()) {
            throw new IllegalArgumentException("browserIdleTimeout must be positive");
        }
        this.region = region;
        this.signInSessionDuration = signInSessionDuration;
        this.browserIdleTimeout = browserIdleTimeout;
        this.users = index(users, User::userName);
        this.accounts = index(accounts, Account::id);
        this.permissionSets = index(permissionSets, PermissionSet::name);
        this.assignments = List.copyOf(assignments);
        for (Assignment a : assignments) {
            if (!this.accounts.containsKey(a.accountId())) {
                throw new IllegalArgumentException("assignment names unknown account " + a.accountId());
            }
            if (!this.permissionSets.containsKey(a.permissionSet())) {
                throw new IllegalArgumentException("assignment names unknown permission set " + a.permissionSet());
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.putIfAbsent(key.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate entry " + key.apply(item));
            }
        }
        return Map.copyOf(map);
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

    public Optional<User> user(String userName) {
        return Optional.ofNullable(users.get(userName));
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<PermissionSet> permissionSet(String name) {
        return Optional.ofNullable(permissionSets.get(name));
    }

    public List<User> users() {
        return users.values().stream().sorted(Comparator.comparing(User::userName)).toList();
    }

    /** The accounts in which the user has at least one permission set, ordered by account id. */
    public List<Account> accountsOf(User user) {
        Set<String> ids = assignments.stream()
                .filter(a -> a.principal().includes(user))
                .map(Assignment::accountId)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Account> result = new ArrayList<>(ids.size());
        ids.forEach(id -> result.add(accounts.get(id)));
        return result;
    }

    /** The permission sets the user holds in one account, ordered by name; empty when none. */
    public List<PermissionSet> permissionSetsOf(User user, String accountId) {
        return assignments.stream()
                .filter(a -> a.accountId().equals(accountId) && a.principal().includes(user))
                .map(Assignment::permissionSet)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .map(permissionSets::get)
                .toList();
    }
}
