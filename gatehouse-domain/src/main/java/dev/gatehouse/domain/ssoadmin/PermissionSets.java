package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sso-admin's permission sets: create, describe, update, delete, list. Names are unique without regard
 * to case (ConflictException), at most {@value #QUOTA} per instance (ServiceQuotaExceededException); a
 * permission set still assigned somewhere cannot be deleted (ConflictException). The session duration
 * is the lifetime of the role credentials it yields from the next GetRoleCredentials on.
 */
public final class PermissionSets {
    /** Permission sets per instance. */
    public static final int QUOTA = 2000;

    private final InstanceScope scope;

    public PermissionSets(InstanceScope scope) {
        this.scope = scope;
    }

    /** What CreatePermissionSet and UpdatePermissionSet may set; each absent member is left as it is. */
    public record Settings(Optional<String> description, Optional<String> sessionDuration,
                           Optional<String> relayState) {
        Settings checked() {
            ModelShape.DESCRIPTION.check("description", description);
            ModelShape.DURATION.check("sessionDuration", sessionDuration);
            ModelShape.RELAY_STATE.check("relayState", relayState);
            return this;
        }
    }

    public PermissionSet create(String instanceArn, String name, Settings settings, List<Tag> tags, String caller) {
        scope.checkInstance(instanceArn);
        ModelShape.PERMISSION_SET_NAME.require("name", name);
        settings.checked();
        List<Tag> checkedTags = ResourceTags.checked("tags", tags);
        Duration duration = settings.sessionDuration().map(SessionDurations::parse)
                .orElse(PermissionSet.DEFAULT_SESSION);
        return scope.change(() -> {
            if (scope.directory().permissionSet(name).isPresent()) {
                throw nameTaken(name);
            }
            if (scope.directory().permissionSets().size() >= QUOTA) {
                throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "This instance already has "
                        + QUOTA + " permission sets, the most it may have");
            }
            PermissionSet created = new PermissionSet(scope.directory().ids().newPermissionSetArn(), name,
                    settings.description(), duration, settings.relayState(), false,
                    ResourceTags.merge(Map.of(), checkedTags), PermissionSet.Policies.NONE, Set.of(),
                    Origin.API, Stamps.made(scope.now(), caller));
            try {
                scope.write(List.of(created), List.of());
            } catch (UniqueKeyTakenException e) {
                throw nameTaken(name);
            }
            return created;
        });
    }

    public PermissionSet describe(String instanceArn, String arn) {
        return scope.permissionSet(instanceArn, arn);
    }

    public void update(String instanceArn, String arn, Settings settings, String caller) {
        scope.permissionSet(instanceArn, arn);
        settings.checked();
        Optional<Duration> duration = settings.sessionDuration().map(SessionDurations::parse);
        scope.change(() -> {
            PermissionSet p = scope.permissionSet(instanceArn, arn);
            PermissionSet updated = p.withSettings(settings.description().or(p::description),
                    duration.orElse(p.sessionDuration()), settings.relayState().or(p::relayState),
                    p.stamps().changed(scope.now(), caller));
            scope.write(List.of(updated), List.of());
            return null;
        });
    }

    public void delete(String instanceArn, String arn) {
        scope.change(() -> {
            PermissionSet p = scope.permissionSet(instanceArn, arn);
            Optional<Assignment> inUse = scope.directory().assignments().stream()
                    .filter(a -> a.permissionSetArn().equals(arn)).findFirst();
            if (inUse.isPresent()) {
                throw new GatehouseException(ErrorCode.CONFLICT, "Permission set " + arn
                        + " is assigned in account " + inUse.get().accountId()
                        + "; delete its account assignments first");
            }
            scope.write(List.of(), List.<DirectoryEntry>of(p));
            return null;
        });
    }

    /** The instance's permission set ARNs, in ARN order. */
    public Page<String> list(String instanceArn, PageRequest page) {
        scope.checkInstance(instanceArn);
        List<String> arns = scope.directory().permissionSets().stream().map(PermissionSet::arn).toList();
        return page.apply(arns, arn -> arn);
    }

    private static GatehouseException nameTaken(String name) {
        return new GatehouseException(ErrorCode.CONFLICT, "A permission set named " + name + " already exists");
    }
}
