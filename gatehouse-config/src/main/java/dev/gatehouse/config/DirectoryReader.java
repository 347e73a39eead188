package dev.gatehouse.config;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PrincipalType;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the directory sections ({@code users}, {@code accounts}, {@code permissionSets},
 * {@code assignments}) and checks that assignments name configured things. Passwords are hashed, and
 * domain objects built, only once the whole file has been found valid.
 */
final class DirectoryReader {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]+=*");
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");

    private record UserSpec(String userName, String password, String passwordHash, String email,
                            String displayName, Set<String> groups, Optional<String> totpSecret) {
    }

    private record AssignmentSpec(String accountId, String permissionSet, PrincipalType type, String principal) {
    }

    private final Problems problems;
    private final Map<String, Integer> userLines = new LinkedHashMap<>();
    private final Map<String, Integer> accountLines = new LinkedHashMap<>();
    private final Map<String, Integer> permissionSetLines = new LinkedHashMap<>();
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<UserSpec> users = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<FilePermissionSet> permissionSets = new ArrayList<>();
    private final List<AssignmentSpec> assignments = new ArrayList<>();

    DirectoryReader(Problems problems) {
        this.problems = problems;
    }

    void users(Optional<YamlValue> section) {
        eachMapping(section, this::user, "userName", "password", "passwordHash", "email", "displayName",
                "groups", "totpSecret");
    }

    void accounts(Optional<YamlValue> section) {
        eachMapping(section, this::account, "id", "name", "email");
    }

    void permissionSets(Optional<YamlValue> section) {
        eachMapping(section, this::permissionSet, "name", "sessionDuration", "revokeRoleSessionsOnLogout");
    }

    /** Read after the other sections, since assignments refer to them. */
    void assignments(Optional<YamlValue> section) {
        eachMapping(section, this::assignment, "account", "permissionSet", "user", "group");
    }

    /**
     * The directory file; call only when no problems were found. Plain passwords are hashed by the
     * import, which keeps a stored hash that still matches instead of hashing again at every start.
     */
    DirectoryFile build(String region, Duration signInSessionDuration, Duration browserIdleTimeout) {
        List<FileUser> built = users.stream()
                .map(u -> new FileUser(Optional.empty(), u.userName(), Optional.ofNullable(u.password()),
                        Optional.ofNullable(u.passwordHash()), u.totpSecret(),
                        FileUser.profile(u.email(), u.displayName()), List.of(), u.groups()))
                .toList();
        List<FileAssignment> grants = assignments.stream()
                .map(a -> new FileAssignment(a.accountId(), a.permissionSet(), a.type(), a.principal()))
                .toList();
        return new DirectoryFile(region, signInSessionDuration, browserIdleTimeout, built, List.of(), accounts,
                permissionSets, grants, List.of());
    }

    private void eachMapping(Optional<YamlValue> section, Consumer<YamlMap> reader, String... keys) {
        section.flatMap(YamlValue::list).ifPresent(items -> {
            for (YamlValue item : items) {
                item.map(keys).ifPresent(reader);
            }
        });
    }

    private void user(YamlMap m) {
        String userName = m.require("userName")
                .flatMap(v -> name(v, 128).filter(n -> unique(v, n, userLines, "userName")))
                .orElse(null);
        String password = null;
        String passwordHash = null;
        Optional<String> secret = m.oneOf("password", "passwordHash");
        if (secret.isPresent() && secret.get().equals("password")) {
            password = m.require("password")
                    .flatMap(v -> v.string(p -> !p.isEmpty(), "'password' must not be empty"))
                    .orElse(null);
        } else if (secret.isPresent()) {
            passwordHash = m.require("passwordHash")
                    .flatMap(v -> v.string(DirectoryReader::supportedHash,
                            "'passwordHash' is not a supported hash: expected an encoded Argon2id ($argon2id$...) "
                                    + "or bcrypt ($2a$, $2b$, $2y$) hash"))
                    .orElse(null);
        }
        String email = m.require("email")
                .flatMap(v -> v.string(e -> e.contains("@"), "'email' must be an email address, was '%s'"))
                .orElse(null);
        String displayName = m.get("displayName").flatMap(YamlValue::string).orElse(userName);
        Set<String> userGroups = new LinkedHashSet<>();
        m.get("groups").flatMap(YamlValue::list).ifPresent(items -> items.forEach(item -> item
                .string(g -> !g.isBlank(), "a group name must not be blank")
                .ifPresent(userGroups::add)));
        groups.addAll(userGroups);
        Optional<String> totpSecret = m.get("totpSecret").flatMap(DirectoryReader::totpSecret);

        users.add(new UserSpec(userName, password, passwordHash, email, displayName, userGroups, totpSecret));
    }

    private void account(YamlMap m) {
        String id = m.require("id")
                .flatMap(v -> accountId(v).filter(i -> unique(v, i, accountLines, "account id")))
                .orElse(null);
        String name = m.require("name")
                .flatMap(v -> v.string(n -> !n.isBlank(), "'name' must not be blank"))
                .orElse(null);
        String email = m.require("email")
                .flatMap(v -> v.string(e -> e.length() <= 254 && e.contains("@"),
                        "'email' must be an email address of at most 254 characters, was '%s'"))
                .orElse(null);
        accounts.add(new Account(id, name, email));
    }

    private void permissionSet(YamlMap m) {
        String name = m.require("name")
                .flatMap(v -> name(v, 32).filter(n -> unique(v, n, permissionSetLines, "permission set name")))
                .orElse(null);
        Duration duration = m.get("sessionDuration")
                .flatMap(v -> v.duration(PermissionSet.MIN_SESSION, PermissionSet.MAX_SESSION))
                .orElse(PermissionSet.DEFAULT_SESSION);
        boolean revokeOnLogout = m.get("revokeRoleSessionsOnLogout").flatMap(YamlValue::bool).orElse(false);
        if (name != null) {
            permissionSets.add(new FilePermissionSet(name, duration, revokeOnLogout));
        }
    }

    private void assignment(YamlMap m) {
        String accountId = m.require("account")
                .flatMap(v -> accountId(v).filter(id -> known(v, id, accountLines, "account")))
                .orElse(null);
        String permissionSet = m.require("permissionSet")
                .flatMap(v -> v.string().filter(n -> known(v, n, permissionSetLines, "permission set")))
                .orElse(null);
        Optional<String> key = m.oneOf("user", "group");
        String principal = key.flatMap(k -> k.equals("user")
                ? m.require("user").flatMap(v -> v.string()
                        .filter(n -> known(v, n, userLines, "user")))
                : m.require("group").flatMap(v -> v.string()
                        .filter(g -> groups.contains(g) || v.fail(("no user is in group '%s'; "
                                + "an assignment to a group needs at least one member").formatted(g)))))
                .orElse(null);
        PrincipalType type = key.map(k -> k.equals("user") ? PrincipalType.USER : PrincipalType.GROUP).orElse(null);
        assignments.add(new AssignmentSpec(accountId, permissionSet, type, principal));
    }

    private static Optional<String> name(YamlValue v, int maxLength) {
        return v.string(n -> n.length() <= maxLength && NAME.matcher(n).matches(),
                v.name() + " must be 1 to " + maxLength + " letters, digits or +=,.@_- characters, was '%s'");
    }

    private static boolean unique(YamlValue v, String key, Map<String, Integer> seen, String what) {
        Integer first = seen.putIfAbsent(key, v.line());
        return first == null || v.fail("duplicate %s '%s' (first defined on line %d)".formatted(what, key, first));
    }

    private static boolean known(YamlValue v, String key, Map<String, Integer> defined, String what) {
        if (defined.containsKey(key)) {
            return true;
        }
        String configured = defined.isEmpty() ? "none are configured" : "configured: " + String.join(", ", defined.keySet());
        return v.fail("unknown %s '%s' (%s)".formatted(what, key, configured));
    }

    /**
     * A 12-digit account id. Quoted ids are taken as written; unquoted ones are YAML integers, so a
     * leading zero is lost and the id is refused with a hint to quote it.
     */
    static Optional<String> accountId(YamlValue v) {
        return v.string().flatMap(text -> {
            if (!v.isQuoted() && text.matches("[0-9]+")) {
                String number = new BigInteger(text).toString();
                if (number.length() != text.length() && text.length() == 12) {
                    v.fail("account id %s starts with 0; write it in quotes (\"%s\") so that it stays 12 digits"
                            .formatted(text, text));
                    return Optional.empty();
                }
            }
            if (!text.matches("[0-9]{12}")) {
                v.fail("an account id must be exactly 12 digits, was '%s'".formatted(text));
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    private static Optional<String> totpSecret(YamlValue v) {
        return v.string(s -> BASE32.matcher(s).matches() && s.replace("=", "").length() >= 16,
                        "'totpSecret' must be base32 (letters A-Z and digits 2-7, at least 16 of them), was '%s'")
                .map(s -> s.replace("=", "").toUpperCase(Locale.ROOT));
    }

    private static boolean supportedHash(String hash) {
        return Passwords.isSupportedHash(hash) && (!hash.startsWith("$argon2id$") || ARGON2ID.matcher(hash).matches());
    }
}
