package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.LiveDirectory;
import java.time.InstantSource;

/** sso-admin's use cases over one live directory, wired together: what the server's handlers call. */
public record SsoAdmin(InstanceScope scope, PermissionSets permissionSets, AccountAssignments assignments,
                       Provisioning provisioning, RequestStatuses statuses, PermissionSetPolicies policies,
                       ResourceTags tags) {

    public static SsoAdmin create(LiveDirectory live, InstantSource clock) {
        InstanceScope scope = new InstanceScope(live, clock);
        RequestStatuses statuses = new RequestStatuses(scope);
        return new SsoAdmin(scope, new PermissionSets(scope), new AccountAssignments(scope, statuses),
                new Provisioning(scope, statuses), statuses, new PermissionSetPolicies(scope), new ResourceTags(scope));
    }
}
