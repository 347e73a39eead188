package dev.gatehouse.domain.directory;

import dev.gatehouse.domain.store.StoredEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stored form of every {@link DirectoryEntry}: its kind, id and unique keys beside a body that
 * {@link TreeCodec} writes from the entry's fields. Store adapters keep the bodies without reading them.
 */
public final class EntryCodec {
    private EntryCodec() {
    }

    public static StoredEntry encode(DirectoryEntry entry) {
        return new StoredEntry(entry.kind().storedName(), entry.id(), entry.uniqueKeys(),
                TreeCodec.encode(fields(entry)));
    }

    /** The entry in {@code stored}; empty for a kind this version does not know (made by a newer one). */
    public static Optional<DirectoryEntry> decode(StoredEntry stored) {
        Optional<EntryKind> kind = EntryKind.ofStoredName(stored.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(TreeCodec.decode(stored.body()));
        return Optional.of(switch (kind.get()) {
            case USER -> new User(f.string("id"), f.string("userName"), f.optional("passwordHash"),
                    f.optional("totpSecret"), Attributes.of(f.map("attributes")), f.externalIds(), f.origin(),
                    f.stamps());
            case GROUP -> new Group(f.string("id"), f.string("displayName"), f.optional("description"),
                    f.externalIds(), f.origin(), f.stamps());
            case MEMBERSHIP -> new Membership(f.string("id"), f.shared("groupId"), f.shared("userId"), f.origin(),
                    f.stamps());
            case PERMISSION_SET -> new PermissionSet(f.string("arn"), f.string("name"), f.optional("description"),
                    Duration.parse(f.string("sessionDuration")), f.optional("relayState"),
                    f.bool("revokeRoleSessionsOnLogout"), f.stringMap("tags"), f.policies(),
                    new TreeSet<>(f.strings("provisionedTo")), f.origin(), f.stamps());
            case ASSIGNMENT -> new Assignment(f.shared("accountId"), f.shared("permissionSetArn"),
                    PrincipalType.valueOf(f.string("principalType")), f.shared("principalId"), f.origin(), f.stamps());
            case ADMIN_KEY -> new AdminKey(f.string("accessKeyId"), f.optional("description"),
                    f.instant("createdAt"), f.string("createdBy"), f.optional("revokedAt").map(Instant::parse));
            case REQUEST_STATUS -> new RequestStatus(f.string("requestId"),
                    RequestStatus.Operation.valueOf(f.string("operation")),
                    RequestStatus.Status.valueOf(f.string("status")), f.optional("failureReason"),
                    f.string("permissionSetArn"), f.optional("accountId"),
                    f.optional("principalType").map(PrincipalType::valueOf), f.optional("principalId"),
                    f.instant("createdAt"), f.string("createdBy"));
            case INVITATION -> new Invitation(f.string("tokenHash"), f.string("userId"), f.instant("createdAt"),
                    f.string("createdBy"), f.instant("expiresAt"));
        });
    }

    private static Map<String, Object> fields(DirectoryEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (entry) {
            case User u -> {
                m.put("id", u.id());
                m.put("userName", u.userName());
                u.passwordHash().ifPresent(h -> m.put("passwordHash", h));
                u.totpSecret().ifPresent(s -> m.put("totpSecret", s));
                m.put("attributes", u.attributes().asMap());
                m.put("externalIds", externalIds(u.externalIds()));
                stamps(m, u.origin(), u.stamps());
            }
            case Group g -> {
                m.put("id", g.id());
                m.put("displayName", g.displayName());
                g.description().ifPresent(d -> m.put("description", d));
                m.put("externalIds", externalIds(g.externalIds()));
                stamps(m, g.origin(), g.stamps());
            }
            case Membership ms -> {
                m.put("id", ms.id());
                m.put("groupId", ms.groupId());
                m.put("userId", ms.userId());
                stamps(m, ms.origin(), ms.stamps());
            }
            case PermissionSet p -> {
                m.put("arn", p.arn());
                m.put("name", p.name());
                p.description().ifPresent(d -> m.put("description", d));
                m.put("sessionDuration", p.sessionDuration().toString());
                p.relayState().ifPresent(r -> m.put("relayState", r));
                m.put("revokeRoleSessionsOnLogout", p.revokeRoleSessionsOnLogout());
                m.put("tags", new TreeMap<>(p.tags()));
                m.put("policies", policies(p.policies()));
                m.put("provisionedTo", List.copyOf(new TreeSet<>(p.provisionedTo())));
                stamps(m, p.origin(), p.stamps());
            }
            case Assignment a -> {
                m.put("accountId", a.accountId());
                m.put("permissionSetArn", a.permissionSetArn());
                m.put("principalType", a.principalType().name());
                m.put("principalId", a.principalId());
                stamps(m, a.origin(), a.stamps());
            }
            case AdminKey k -> {
                m.put("accessKeyId", k.accessKeyId());
                k.description().ifPresent(d -> m.put("description", d));
                m.put("createdAt", k.createdAt().toString());
                m.put("createdBy", k.createdBy());
                k.revokedAt().ifPresent(r -> m.put("revokedAt", r.toString()));
            }
            case RequestStatus r -> {
                m.put("requestId", r.requestId());
                m.put("operation", r.operation().name());
                m.put("status", r.status().name());
                r.failureReason().ifPresent(f -> m.put("failureReason", f));
                m.put("permissionSetArn", r.permissionSetArn());
                r.accountId().ifPresent(a -> m.put("accountId", a));
                r.principalType().ifPresent(t -> m.put("principalType", t.name()));
                r.principalId().ifPresent(p -> m.put("principalId", p));
                m.put("createdAt", r.createdAt().toString());
                m.put("createdBy", r.createdBy());
            }
            case Invitation i -> {
                m.put("tokenHash", i.tokenHash());
                m.put("userId", i.userId());
                m.put("createdAt", i.createdAt().toString());
                m.put("createdBy", i.createdBy());
                m.put("expiresAt", i.expiresAt().toString());
            }
        }
        return m;
    }

    private static List<Object> externalIds(List<ExternalId> ids) {
        List<Object> out = new ArrayList<>();
        ids.forEach(e -> out.add(Map.of("issuer", e.issuer(), "id", e.id())));
        return out;
    }

    private static void stamps(Map<String, Object> m, Origin origin, Stamps s) {
        m.put("origin", origin.name());
        m.put("createdAt", s.createdAt().toString());
        m.put("createdBy", s.createdBy());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("updatedBy", s.updatedBy());
    }

    private static Map<String, Object> policies(PermissionSet.Policies p) {
        Map<String, Object> m = new LinkedHashMap<>();
        p.inline().ifPresent(i -> m.put("inline", i));
        m.put("managed", p.managed());
        List<Object> customer = new ArrayList<>();
        p.customerManaged().forEach(r -> customer.add(reference(r)));
        m.put("customerManaged", customer);
        p.boundary().ifPresent(b -> {
            Map<String, Object> bm = new LinkedHashMap<>();
            b.managedPolicyArn().ifPresent(a -> bm.put("managedPolicyArn", a));
            b.customerManaged().ifPresent(r -> bm.put("customerManaged", reference(r)));
            m.put("boundary", bm);
        });
        return m;
    }

    private static Map<String, Object> reference(PermissionSet.PolicyReference r) {
        return Map.of("name", r.name(), "path", r.path());
    }

    /** Typed reads of a decoded body; a missing or mistyped field is a corrupt entry. */
    private record Fields(Map<String, Object> values) {
        String string(String name) {
            if (values.get(name) instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("directory entry without " + name);
        }

        Optional<String> optional(String name) {
            return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        boolean bool(String name) {
            return Boolean.TRUE.equals(values.get(name));
        }

        Instant instant(String name) {
            return Instant.parse(string(name));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String name) {
            return values.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        List<?> list(String name) {
            return values.get(name) instanceof List<?> l ? l : List.of();
        }

        List<String> strings(String name) {
            return list(name).stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }

        Map<String, String> stringMap(String name) {
            Map<String, String> out = new LinkedHashMap<>();
            map(name).forEach((k, v) -> out.put(k, (String) v));
            return out;
        }

        List<ExternalId> externalIds() {
            return list("externalIds").stream().map(o -> new Fields(asMap(o)))
                    .map(e -> new ExternalId(e.string("issuer"), e.string("id"))).toList();
        }

        Origin origin() {
            return Origin.valueOf(string("origin"));
        }

        Stamps stamps() {
            return new Stamps(instant("createdAt"), shared("createdBy"), instant("updatedAt"), shared("updatedBy"));
        }

        /**
         * A value many entries repeat (an account id, a permission set ARN, a user or group id, who
         * made an entry), as one shared string: 100,000 assignments name a few thousand of them, and a
         * copy each would be most of the directory's memory. The JVM's string table lets go of those no
         * entry holds any more.
         */
        String shared(String name) {
            return string(name).intern();
        }

        PermissionSet.Policies policies() {
            Fields p = new Fields(map("policies"));
            List<PermissionSet.PolicyReference> customer = p.list("customerManaged").stream()
                    .map(o -> new Fields(asMap(o)).reference()).toList();
            Optional<PermissionSet.Boundary> boundary = Optional.of(p.map("boundary")).filter(b -> !b.isEmpty())
                    .map(Fields::new)
                    .map(b -> new PermissionSet.Boundary(b.optional("managedPolicyArn"),
                            Optional.of(b.map("customerManaged")).filter(c -> !c.isEmpty())
                                    .map(c -> new Fields(c).reference())));
            return new PermissionSet.Policies(p.optional("inline"), p.strings("managed"), customer, boundary);
        }

        PermissionSet.PolicyReference reference() {
            return new PermissionSet.PolicyReference(string("name"), string("path"));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object o) {
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
    }
}
