package dev.gatehouse.config;

import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Writes a live directory as a directory file that {@link ConfigLoader} reads back and that imports to
 * the same directory: users with their ids, password hashes, TOTP secrets, attributes, external ids and
 * groups; groups; the configuration's accounts, settings, identity source (an OIDC client secret in
 * clear, as the file gave it; SAML metadata by the file or URL it was read from) and bootstrap admin keys;
 * permission sets with every field the file can declare; assignments by names. What a file cannot declare is left out and
 * counted in {@link Export#leftOut()}: assignments that name an account the configuration does not
 * have, and admin keys made through the API (their secrets are not stored anywhere). The YAML is made
 * by snakeyaml-engine's emitter, so quoting is always right.
 */
public final class DirectoryWriter {
    private static final Comparator<String> NAMES = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private DirectoryWriter() {
    }

    /**
     * The file and what could not go into it.
     *
     * @param yaml    the directory file, a header comment first
     * @param leftOut one line per kind of entry left out, for the operator
     */
    public record Export(String yaml, List<String> leftOut) {
    }

    /**
     * The directory as a file: its settings and accounts (which the configuration gave it) and entries;
     * {@code settings} adds the start URL and the bootstrap admin keys.
     */
    public static Export write(GatehouseConfig settings, Directory directory, String header) {
        DirectoryFile file = settings.directory();
        List<String> leftOut = new ArrayList<>();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("region", directory.region());
        settings.startUrl().ifPresent(url -> root.put("startUrl", url));
        root.put("signInSessionDuration", directory.signInSessionDuration().toString());
        root.put("browserIdleTimeout", directory.browserIdleTimeout().toString());
        putControls(root, file.controls());
        putIdentitySource(root, settings, leftOut);
        root.put("users", users(directory));
        root.put("groups", groups(directory));
        root.put("accounts", accounts(directory.accounts()));
        root.put("permissionSets", permissionSets(directory));
        root.put("assignments", assignments(directory, leftOut));
        if (!file.adminKeys().isEmpty()) {
            root.put("adminKeys", file.adminKeys().stream().map(k -> mapping("accessKeyId", k.accessKeyId(),
                    "secretAccessKey", k.secretAccessKey())).toList());
        }
        long apiKeys = directory.adminKeys().stream().filter(k -> k.isActive()).count();
        if (apiKeys > 0) {
            leftOut.add(apiKeys + " admin key(s) made through the API: their secrets are not stored, so a file "
                    + "cannot carry them");
        }
        DumpSettings dump = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setSchema(new ResolverOnce())
                .setDereferenceAliases(true)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        text.append(new Dump(dump).dumpToString(root));
        return new Export(text.toString(), List.copyOf(leftOut));
    }

    /** The session cap and the audit retention, each only when it is not the default. */
    private static void putControls(Map<String, Object> root, DirectoryFile.Controls controls) {
        DirectoryFile.Controls defaults = DirectoryFile.Controls.DEFAULT;
        if (controls.maxSessionsPerUser() != defaults.maxSessionsPerUser()) {
            root.put("maxSessionsPerUser", controls.maxSessionsPerUser());
        }
        if (!controls.auditRetention().equals(defaults.auditRetention())) {
            root.put("auditRetention", YamlValue.iso(controls.auditRetention()));
        }
    }

    /** The identity source when it is not the own directory, with the keys that are not their defaults. */
    private static void putIdentitySource(Map<String, Object> root, GatehouseConfig settings, List<String> leftOut) {
        switch (settings.directory().identitySource()) {
            case IdentitySource.OwnDirectory own -> {
            }
            case IdentitySource.OidcProvider oidc -> {
                Map<String, Object> m = mapping("type", "oidc", "issuer", oidc.issuer().toString(),
                        "clientId", oidc.clientId());
                oidc.clientSecret().ifPresent(s -> m.put("clientSecret", s));
                if (!oidc.scopes().equals(IdentitySourceReader.DEFAULT_SCOPES)) {
                    m.put("scopes", oidc.scopes());
                }
                if (!oidc.userClaim().equals(IdentitySourceReader.DEFAULT_USER_CLAIM)) {
                    m.put("userClaim", oidc.userClaim());
                }
                putUpstreamUsers(m, oidc.match(), UserMatch.USER_NAME, "groupsClaim", oidc.groupsClaim(),
                        oidc.justInTimeUsers());
                root.put("identitySource", m);
            }
            case IdentitySource.SamlProvider saml -> {
                Map<String, Object> m = mapping("type", "saml");
                settings.idpMetadata().ifPresentOrElse(where -> m.put(where.key(), where.value()),
                        () -> leftOut.add("the SAML identity provider's metadata: add idpMetadataFile or "
                                + "idpMetadataUrl to identitySource"));
                putUpstreamUsers(m, saml.match(), UserMatch.EMAIL, "groupsAttribute", saml.groupsAttribute(),
                        saml.justInTimeUsers());
                if (!saml.clockSkew().equals(IdentitySourceReader.DEFAULT_CLOCK_SKEW)) {
                    m.put("clockSkew", saml.clockSkew().toString());
                }
                saml.spEntityId().ifPresent(id -> m.put("spEntityId", id));
                root.put("identitySource", m);
            }
        }
    }

    /** How upstream identities become users: the match, the groups' claim or attribute, just-in-time users. */
    private static void putUpstreamUsers(Map<String, Object> m, UserMatch match, UserMatch defaultMatch,
                                         String groupsKey, Optional<String> groups, boolean justInTime) {
        if (match != defaultMatch) {
            m.put("match", IdentitySourceReader.matchName(match));
        }
        groups.ifPresent(g -> m.put(groupsKey, g));
        if (justInTime) {
            m.put("justInTimeUsers", true);
        }
    }

    private static List<Object> users(Directory directory) {
        List<Object> out = new ArrayList<>();
        directory.users().stream().sorted(Comparator.comparing(User::userName, NAMES)).forEach(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userName", u.userName());
            m.put("id", u.id());
            u.passwordHash().ifPresent(h -> m.put("passwordHash", h));
            u.totpSecret().ifPresent(s -> m.put("totpSecret", s));
            m.put("attributes", u.attributes().asMap());
            putExternalIds(m, u.externalIds());
            List<String> groups = directory.groupIdsOf(u.id()).stream().map(directory::group)
                    .flatMap(Optional::stream).map(Group::displayName).sorted(NAMES).toList();
            if (!groups.isEmpty()) {
                m.put("groups", groups);
            }
            out.add(m);
        });
        return out;
    }

    private static List<Object> groups(Directory directory) {
        List<Object> out = new ArrayList<>();
        directory.groupsAfter(null).stream().sorted(Comparator.comparing(Group::displayName, NAMES)).forEach(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("displayName", g.displayName());
            m.put("id", g.id());
            g.description().ifPresent(d -> m.put("description", d));
            putExternalIds(m, g.externalIds());
            out.add(m);
        });
        return out;
    }

    private static void putExternalIds(Map<String, Object> m, List<ExternalId> externalIds) {
        if (!externalIds.isEmpty()) {
            m.put("externalIds", externalIds.stream().map(e -> mapping("issuer", e.issuer(), "id", e.id())).toList());
        }
    }

    private static List<Object> accounts(List<Account> accounts) {
        return accounts.stream().map(a -> (Object) mapping("id", a.id(), "name", a.name(), "email", a.email())).toList();
    }

    private static List<Object> permissionSets(Directory directory) {
        List<Object> out = new ArrayList<>();
        directory.permissionSets().stream().sorted(Comparator.comparing(PermissionSet::name, NAMES)).forEach(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("arn", p.arn());
            m.put("sessionDuration", p.sessionDuration().toString());
            if (p.revokeRoleSessionsOnLogout()) {
                m.put("revokeRoleSessionsOnLogout", true);
            }
            p.description().ifPresent(d -> m.put("description", d));
            p.relayState().ifPresent(r -> m.put("relayState", r));
            if (!p.tags().isEmpty()) {
                m.put("tags", new TreeMap<>(p.tags()));
            }
            p.policies().inline().ifPresent(doc -> m.put("inlinePolicy", doc));
            if (!p.policies().managed().isEmpty()) {
                m.put("managedPolicies", p.policies().managed());
            }
            if (!p.policies().customerManaged().isEmpty()) {
                m.put("customerManagedPolicies", p.policies().customerManaged().stream()
                        .map(DirectoryWriter::reference).toList());
            }
            p.policies().boundary().ifPresent(b -> m.put("permissionsBoundary", b.managedPolicyArn()
                    .map(arn -> mapping("managedPolicyArn", arn))
                    .orElseGet(() -> mapping("customerManagedPolicy", reference(b.customerManaged().orElseThrow())))));
            out.add(m);
        });
        return out;
    }

    private static Map<String, Object> reference(PolicyReference r) {
        return mapping("name", r.name(), "path", r.path());
    }

    /** A mapping whose keys keep the order given (key, value, key, value, …), so that files read alike. */
    private static Map<String, Object> mapping(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static List<Object> assignments(Directory directory, List<String> leftOut) {
        record Named(String account, String permissionSet, PrincipalType type, String principal) {
        }
        List<Named> named = new ArrayList<>();
        int unknownAccount = 0;
        int dangling = 0;
        for (Assignment a : directory.assignments()) {
            Optional<String> permissionSet = directory.permissionSetByArn(a.permissionSetArn()).map(PermissionSet::name);
            Optional<String> principal = a.principalType() == PrincipalType.USER
                    ? directory.userById(a.principalId()).map(User::userName)
                    : directory.group(a.principalId()).map(Group::displayName);
            if (directory.account(a.accountId()).isEmpty()) {
                unknownAccount++;
            } else if (permissionSet.isEmpty() || principal.isEmpty()) {
                dangling++;
            } else {
                named.add(new Named(a.accountId(), permissionSet.get(), a.principalType(), principal.get()));
            }
        }
        if (unknownAccount > 0) {
            leftOut.add(unknownAccount + " assignment(s) to accounts the configuration does not declare");
        }
        if (dangling > 0) {
            leftOut.add(dangling + " assignment(s) whose permission set, user or group no longer exists");
        }
        named.sort(Comparator.comparing(Named::account).thenComparing(Named::permissionSet, NAMES)
                .thenComparing(Named::type).thenComparing(Named::principal, NAMES));
        return named.stream().map(n -> (Object) mapping("account", n.account(), "permissionSet", n.permissionSet(),
                n.type() == PrincipalType.USER ? "user" : "group", n.principal())).toList();
    }

    /**
     * YAML 1.2's core schema, as {@link ConfigLoader} reads with, making its scalar resolver once:
     * {@link CoreSchema} makes a new one each time it is asked, and the emitter asks for every scalar
     * (a large directory's export spent most of its time there).
     */
    private static final class ResolverOnce implements Schema {
        private final CoreSchema core = new CoreSchema();
        private final ScalarResolver resolver = core.getScalarResolver();

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return core.getSchemaTagConstructors();
        }
    }
}
