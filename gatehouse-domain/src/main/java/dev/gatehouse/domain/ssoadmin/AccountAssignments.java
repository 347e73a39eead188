package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * sso-admin's account assignments: a permission set granted in an account of the directory file to an
 * existing user or group. Making one provisions the permission set to the account as well; both are
 * in force (the access portal reads the live directory) when the call returns, and the request's
 * status is stored as SUCCEEDED. Making one that exists again succeeds without a change; removing one
 * that does not exist is ResourceNotFoundException. The quota of permission sets per account is
 * {@link Provisioning}'s.
 */
public final class AccountAssignments {
    private final InstanceScope scope;
    private final RequestStatuses statuses;

    public AccountAssignments(InstanceScope scope, RequestStatuses statuses) {
        this.scope = scope;
        this.statuses = statuses;
    }

    /** The members that name an assignment, as CreateAccountAssignment and DeleteAccountAssignment take them. */
    public record Target(String instanceArn, String targetId, String targetType, String permissionSetArn,
                         String principalType, String principalId) {
    }

    /** The assignment a target names, every member checked and every entry it names found. */
    private record Checked(PermissionSet permissionSet, Assignment assignment) {
    }

    public RequestStatus create(Target target, String caller) {
        return scope.change(() -> {
            Checked checked = check(target, caller);
            PermissionSet p = checked.permissionSet();
            String account = checked.assignment().accountId();
            Provisioning.checkRoomIn(scope.directory(), p, account);
            RequestStatus status = statuses.succeeded(Operation.ASSIGNMENT_CREATION, p.arn(), Optional.of(account),
                    Optional.of(checked.assignment().principalType()),
                    Optional.of(checked.assignment().principalId()), caller);
            List<DirectoryEntry> puts = new ArrayList<>(List.of(status));
            if (scope.directory().assignment(checked.assignment().id()).isEmpty()) {
                puts.add(checked.assignment());
            }
            if (!p.provisionedTo().contains(account)) {
                puts.add(p.provisionedAlsoTo(account));
            }
            scope.write(puts, List.of());
            return status;
        });
    }

    public RequestStatus delete(Target target, String caller) {
        return scope.change(() -> {
            Checked checked = check(target, caller);
            Assignment existing = scope.directory().assignment(checked.assignment().id())
                    .orElseThrow(() -> new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND,
                            "No such account assignment: " + checked.permissionSet().arn() + " in account "
                                    + checked.assignment().accountId() + " for " + checked.assignment().principalType()
                                    + " " + checked.assignment().principalId()));
            RequestStatus status = statuses.succeeded(Operation.ASSIGNMENT_DELETION, existing.permissionSetArn(),
                    Optional.of(existing.accountId()), Optional.of(existing.principalType()),
                    Optional.of(existing.principalId()), caller);
            scope.write(List.of(status), List.of(existing));
            return status;
        });
    }

    /** The assignments of one permission set in one account, in principal order. */
    public Page<Assignment> list(String instanceArn, String accountId, String permissionSetArn, PageRequest page) {
        scope.checkInstance(instanceArn);
        ModelShape.ACCOUNT_ID.require("accountId", accountId);
        PermissionSet p = scope.permissionSet(instanceArn, permissionSetArn);
        List<Assignment> matching = scope.directory().assignments().stream()
                .filter(a -> a.accountId().equals(accountId) && a.permissionSetArn().equals(p.arn()))
                .toList();
        return page.apply(matching, Assignment::id);
    }

    /** The assignments made to one user or group (directly), in account order, in one account when given. */
    public Page<Assignment> listForPrincipal(String instanceArn, String principalId, String principalType,
                                             Optional<String> accountId, PageRequest page) {
        scope.checkInstance(instanceArn);
        PrincipalType type = ModelShape.oneOf("principalType", principalType, PrincipalType.class);
        ModelShape.PRINCIPAL_ID.require("principalId", principalId);
        accountId.ifPresent(a -> ModelShape.ACCOUNT_ID.require("filter.accountId", a));
        List<Assignment> matching = scope.directory().assignmentsOf(principalId).stream()
                .filter(a -> a.principalType() == type)
                .filter(a -> accountId.isEmpty() || a.accountId().equals(accountId.get()))
                .sorted(Comparator.comparing(Assignment::id))
                .toList();
        return page.apply(matching, Assignment::id);
    }

    private Checked check(Target t, String caller) {
        scope.checkInstance(t.instanceArn());
        ModelShape.ACCOUNT_ID.require("targetId", t.targetId());
        ModelShape.oneOf("targetType", t.targetType(), TargetType.class);
        ModelShape.PERMISSION_SET_ARN.require("permissionSetArn", t.permissionSetArn());
        PrincipalType type = ModelShape.oneOf("principalType", t.principalType(), PrincipalType.class);
        ModelShape.PRINCIPAL_ID.require("principalId", t.principalId());
        PermissionSet p = scope.permissionSet(t.instanceArn(), t.permissionSetArn());
        String account = scope.account("targetId", t.targetId());
        scope.principal(type, t.principalId());
        return new Checked(p, new Assignment(account, p.arn(), type, t.principalId(), Origin.API,
                Stamps.made(scope.now(), caller)));
    }

    /** sso-admin's TargetType: assignments are made in AWS accounts only. */
    public enum TargetType {
        AWS_ACCOUNT
    }
}
