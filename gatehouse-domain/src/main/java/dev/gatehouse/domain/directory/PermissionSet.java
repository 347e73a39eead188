package dev.gatehouse.domain.directory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named role template; its session duration is the lifetime of the role credentials it yields.
 * Its policies are kept and returned as given: Gatehouse issues no IAM policy.
 *
 * @param arn                        sso-admin's PermissionSetArn, the entry's id
 * @param revokeRoleSessionsOnLogout beyond AWS: when the sign-in session that role credentials were
 *     issued from is ended (Logout), the credentials stop working at once instead of at their expiry
 * @param provisionedTo              the accounts it was provisioned to (sso-admin's ProvisionPermissionSet)
 */
public record PermissionSet(String arn, String name, Optional<String> description, Duration sessionDuration,
                            Optional<String> relayState, boolean revokeRoleSessionsOnLogout, Map<String, String> tags,
                            Policies policies, Set<String> provisionedTo, Origin origin, Stamps stamps)
        implements DirectoryEntry {
    public static final Duration MIN_SESSION = Duration.ofHours(1);
    public static final Duration MAX_SESSION = Duration.ofHours(12);
    public static final Duration DEFAULT_SESSION = MIN_SESSION;

    public PermissionSet {
        if (sessionDuration.compareTo(MIN_SESSION) < 0 || sessionDuration.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("sessionDuration must be between PT1H and PT12H, was " + sessionDuration);
        }
        tags = Map.copyOf(tags);
        provisionedTo = Set.copyOf(provisionedTo);
    }

    /** The same permission set with new settings (sso-admin's UpdatePermissionSet), changed by {@code stamps}. */
    public PermissionSet withSettings(Optional<String> description, Duration sessionDuration, Optional<String> relayState,
                                      Stamps stamps) {
        return new PermissionSet(arn, name, description, sessionDuration, relayState, revokeRoleSessionsOnLogout, tags,
                policies, provisionedTo, origin, stamps);
    }

    public PermissionSet withPolicies(Policies policies, Stamps stamps) {
        return new PermissionSet(arn, name, description, sessionDuration, relayState, revokeRoleSessionsOnLogout, tags,
                policies, provisionedTo, origin, stamps);
    }

    public PermissionSet withTags(Map<String, String> tags, Stamps stamps) {
        return new PermissionSet(arn, name, description, sessionDuration, relayState, revokeRoleSessionsOnLogout, tags,
                policies, provisionedTo, origin, stamps);
    }

    /** The same permission set, provisioned to one more account as well. */
    public PermissionSet provisionedAlsoTo(String accountId) {
        if (provisionedTo.contains(accountId)) {
            return this;
        }
        Set<String> accounts = new TreeSet<>(provisionedTo);
        accounts.add(accountId);
        return new PermissionSet(arn, name, description, sessionDuration, relayState, revokeRoleSessionsOnLogout, tags,
                policies, accounts, origin, stamps);
    }

    public static String nameKey(String name) {
        return "permission-set-name:" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String id() {
        return arn;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PERMISSION_SET;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of(nameKey(name));
    }

    /**
     * The policies attached to a permission set, stored and returned faithfully.
     *
     * @param inline           the inline policy document, as given
     * @param managed          AWS-managed policy ARNs
     * @param customerManaged  customer-managed policy references
     * @param boundary         the permissions boundary: a managed policy ARN or a customer-managed reference
     */
    public record Policies(Optional<String> inline, List<String> managed, List<PolicyReference> customerManaged,
                           Optional<Boundary> boundary) {
        public static final Policies NONE = new Policies(Optional.empty(), List.of(), List.of(), Optional.empty());

        public Policies {
            managed = List.copyOf(managed);
            customerManaged = List.copyOf(customerManaged);
        }
    }

    /** A customer-managed policy by name and path ({@code /} when not given). */
    public record PolicyReference(String name, String path) {
    }

    /** A permissions boundary: exactly one of the two is present. */
    public record Boundary(Optional<String> managedPolicyArn, Optional<PolicyReference> customerManaged) {
    }
}
