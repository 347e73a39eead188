package dev.gatehouse.config;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.BootstrapAdminKey;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FileGroup;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Passwords;
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
 * Reads the directory sections ({@code users}, {@code groups}, {@code accounts}, {@code permissionSets}
 * through {@link PermissionSetReader}, {@code assignments}) and checks that assignments name configured
 * things and that names, ids and external ids are not given twice. Users' {@code attributes} are read by
 * {@link AttributesReader}. Plain passwords are kept for the import, which hashes them.
 */
final class DirectoryReader {
    /** identitystore's rule for a UserName: letters, marks, symbols, digits and punctuation, no spaces. */
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    /** identitystore's rule for a group's DisplayName: as a user name, and spaces too. */
    private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00A0]+");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,256}");
    /** identitystore's ResourceId: a user or group id. */
    private static final Pattern RESOURCE_ID = Pattern.compile(
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]+=*");
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");

    private record AssignmentSpec(String accountId, String permissionSet, PrincipalType type, String principal) {
    }

    private final Problems problems;
    private final Map<String, Integer> userLines = new LinkedHashMap<>();
    /** User names as the store compares them (without regard to case), for the duplicate check. */
    private final Map<String, Integer> userLinesIgnoringCase = new LinkedHashMap<>();
    private final Map<String, Integer> userIdLines = new LinkedHashMap<>();
    private final Map<String, Integer> groupLines = new LinkedHashMap<>();
    private final Map<String, Integer> groupIdLines = new LinkedHashMap<>();
    private final Map<String, Integer> externalIdLines = new LinkedHashMap<>();
    private final Map<String, Integer> accountLines = new LinkedHashMap<>();
    private final Set<String> groupsWithMembers = new LinkedHashSet<>();
    private final List<FileUser> users = new ArrayList<>();
    private final List<FileGroup> groups = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final PermissionSetReader permissionSetReader = new PermissionSetReader();
    private final List<FilePermissionSet> permissionSets = new ArrayList<>();
    private final List<AssignmentSpec> assignments = new ArrayList<>();

    DirectoryReader(Problems problems) {
        this.problems = problems;
    }

    void users(Optional<YamlValue> section) {
        eachMapping(section, this::user, "userName", "password", "passwordHash", "email", "displayName",
                "groups", "totpSecret", "id", "attributes", "externalIds");
    }

    /** Groups declared on their own, beside those that users' {@code groups} name. */
    void groups(Optional<YamlValue> section) {
        eachMapping(section, this::group, "displayName", "description", "id", "externalIds");
    }

    void accounts(Optional<YamlValue> section) {
        eachMapping(section, this::account, "id", "name", "email");
    }

    void permissionSets(Optional<YamlValue> section) {
        eachMapping(section, m -> permissionSetReader.read(m).ifPresent(permissionSets::add), PermissionSetReader.KEYS);
    }

    /** Read after the other sections, since assignments refer to them. */
    void assignments(Optional<YamlValue> section) {
        eachMapping(section, this::assignment, "account", "permissionSet", "user", "group");
    }

    /**
     * The directory file; call only when no problems were found. Plain passwords are hashed by the
     * import, which keeps a stored hash that still matches instead of hashing again at every start.
     */
    DirectoryFile build(String region, Duration signInSessionDuration, Duration browserIdleTimeout,
                        List<BootstrapAdminKey> adminKeys, DirectoryFile.Controls controls) {
        List<FileAssignment> grants = assignments.stream()
                .map(a -> new FileAssignment(a.accountId(), a.permissionSet(), a.type(), a.principal()))
                .toList();
        return new DirectoryFile(region, signInSessionDuration, browserIdleTimeout, users, groups, accounts,
                permissionSets, grants, adminKeys, controls);
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
                .flatMap(v -> v.string(n -> n.length() <= 128 && USER_NAME.matcher(n).matches(),
                                "'userName' must be 1 to 128 letters, digits, symbols or punctuation (no spaces), "
                                        + "was '%s'")
                        .filter(n -> unique(v, n, userLines, "userName"))
                        .filter(n -> unique(v, n.toLowerCase(Locale.ROOT), userLinesIgnoringCase,
                                "userName (compared without regard to case)")))
                .orElse(null);
        Optional<String> id = m.get("id").flatMap(v -> resourceId(v, userIdLines, "user id"));
        Optional<String> password = Optional.empty();
        Optional<String> passwordHash = Optional.empty();
        if (m.has("password") || m.has("passwordHash")) {
            Optional<String> secret = m.oneOf("password", "passwordHash");
            if (secret.isPresent() && secret.get().equals("password")) {
                password = m.require("password").flatMap(v -> v.string(p -> !p.isEmpty(), "'password' must not be empty"));
            } else if (secret.isPresent()) {
                passwordHash = m.require("passwordHash")
                        .flatMap(v -> v.string(DirectoryReader::supportedHash,
                                "'passwordHash' is not a supported hash: expected an encoded Argon2id ($argon2id$...) "
                                        + "or bcrypt ($2a$, $2b$, $2y$) hash"));
            }
        }
        Optional<Map<String, Object>> attributes = m.get("attributes").flatMap(AttributesReader::read);
        Optional<String> email = (m.has("attributes") ? m.get("email") : m.require("email"))
                .flatMap(v -> v.string(e -> e.contains("@"), "'email' must be an email address, was '%s'"))
                .filter(e -> attributes.map(a -> !a.containsKey("Emails")).orElse(true)
                        || m.fail("give either 'email' or 'Emails' in 'attributes', not both"));
        Optional<String> displayName = m.get("displayName").flatMap(YamlValue::string)
                .filter(d -> attributes.map(a -> !a.containsKey("DisplayName")).orElse(true)
                        || m.fail("give either 'displayName' or 'DisplayName' in 'attributes', not both"));
        Set<String> userGroups = new LinkedHashSet<>();
        m.get("groups").flatMap(YamlValue::list).ifPresent(items -> items.forEach(item -> item
                .string(g -> !g.isBlank(), "a group name must not be blank")
                .ifPresent(userGroups::add)));
        groupsWithMembers.addAll(userGroups);
        Optional<String> totpSecret = m.get("totpSecret").flatMap(DirectoryReader::totpSecret);
        List<ExternalId> externalIds = m.get("externalIds").map(v -> externalIds(v, "user")).orElse(List.of());

        Map<String, Object> profile = new LinkedHashMap<>();
        if (attributes.isPresent()) {
            displayName.ifPresent(d -> profile.put("DisplayName", d));
            profile.putAll(attributes.get());
            profile.putAll(FileUser.profile(email.orElse(null), null).asMap());
        } else {
            profile.putAll(FileUser.profile(email.orElse(null), displayName.orElse(userName)).asMap());
        }
        if (userName != null) {
            users.add(new FileUser(id, userName, password, passwordHash, totpSecret, Attributes.of(profile),
                    externalIds, userGroups));
        }
    }

    private void group(YamlMap m) {
        String displayName = m.require("displayName")
                .flatMap(v -> v.string(n -> n.length() <= 1024 && GROUP_NAME.matcher(n).matches(),
                                "'displayName' must be 1 to 1024 letters, digits, symbols, punctuation or spaces, "
                                        + "was '%s'")
                        .filter(n -> unique(v, n, groupLines, "group displayName")))
                .orElse(null);
        Optional<String> id = m.get("id").flatMap(v -> resourceId(v, groupIdLines, "group id"));
        Optional<String> description = m.get("description")
                .flatMap(v -> v.string(d -> d.length() <= 1024, "'description' must be at most 1024 characters"));
        List<ExternalId> externalIds = m.get("externalIds").map(v -> externalIds(v, "group")).orElse(List.of());
        if (displayName != null) {
            groups.add(new FileGroup(id, displayName, description, externalIds));
        }
    }

    private static Optional<String> resourceId(YamlValue v, Map<String, Integer> seen, String what) {
        return v.string(i -> i.length() <= 47 && RESOURCE_ID.matcher(i).matches(),
                        "'id' must be an identity store id such as 1234567890-a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6, "
                                + "was '%s'")
                .filter(i -> unique(v, i, seen, what));
    }

    /** A list of {issuer, id}; an (issuer, id) pair may name one user and one group at most. */
    private List<ExternalId> externalIds(YamlValue section, String owner) {
        List<ExternalId> ids = new ArrayList<>();
        section.list().ifPresent(items -> items.forEach(item -> item.map("issuer", "id").ifPresent(m -> {
            Optional<String> issuer = m.require("issuer").flatMap(v -> v.string(i -> EXTERNAL_ID.matcher(i).matches(),
                    "'issuer' must be 1 to 256 letters, digits, symbols or punctuation, was '%s'"));
            Optional<String> id = m.require("id").flatMap(v -> v.string(i -> EXTERNAL_ID.matcher(i).matches(),
                    "'id' must be 1 to 256 letters, digits, symbols or punctuation, was '%s'"));
            if (issuer.isPresent() && id.isPresent()
                    && unique(item, owner + " " + issuer.get() + " " + id.get(), externalIdLines, "external id")) {
                ids.add(new ExternalId(issuer.get(), id.get()));
            }
        })));
        return ids;
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

    private void assignment(YamlMap m) {
        String accountId = m.require("account")
                .flatMap(v -> accountId(v).filter(id -> known(v, id, accountLines, "account")))
                .orElse(null);
        String permissionSet = m.require("permissionSet")
                .flatMap(v -> v.string().filter(n -> known(v, n, permissionSetReader.names(), "permission set")))
                .orElse(null);
        Optional<String> key = m.oneOf("user", "group");
        String principal = key.flatMap(k -> k.equals("user")
                ? m.require("user").flatMap(v -> v.string()
                        .filter(n -> known(v, n, userLines, "user")))
                : m.require("group").flatMap(v -> v.string()
                        .filter(g -> groupsWithMembers.contains(g) || groupLines.containsKey(g)
                                || v.fail(("no user is in group '%s'; "
                                + "an assignment to a group needs at least one member").formatted(g)))))
                .orElse(null);
        PrincipalType type = key.map(k -> k.equals("user") ? PrincipalType.USER : PrincipalType.GROUP).orElse(null);
        assignments.add(new AssignmentSpec(accountId, permissionSet, type, principal));
    }

    static boolean unique(YamlValue v, String key, Map<String, Integer> seen, String what) {
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
