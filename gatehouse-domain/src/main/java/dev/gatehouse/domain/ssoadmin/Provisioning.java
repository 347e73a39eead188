package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * sso-admin's ProvisionPermissionSet and the lists of what is provisioned where. Gatehouse makes no IAM
 * role: provisioning records the account in {@link PermissionSet#provisionedTo()} (an account it is
 * assigned in counts as provisioned too, as the file's assignments are), and since every
 * change to a permission set is in force at once, each provisioned account always holds its latest
 * version (LATEST_PERMISSION_SET_NOT_PROVISIONED lists nothing). At most
 * {@value #PERMISSION_SETS_PER_ACCOUNT} permission sets per account (ServiceQuotaExceededException).
 */
public final class Provisioning {
    /** Permission sets provisioned to one account. */
    public static final int PERMISSION_SETS_PER_ACCOUNT = 50;

    private final InstanceScope scope;
    private final RequestStatuses statuses;

    public Provisioning(InstanceScope scope, RequestStatuses statuses) {
        this.scope = scope;
        this.statuses = statuses;
    }

    /** ProvisionPermissionSet's TargetType. */
    public enum TargetType {
        AWS_ACCOUNT, ALL_PROVISIONED_ACCOUNTS
    }

    /** ListAccountsForProvisionedPermissionSet's and ListPermissionSetsProvisionedToAccount's filter. */
    public enum ProvisioningStatus {
        LATEST_PERMISSION_SET_PROVISIONED, LATEST_PERMISSION_SET_NOT_PROVISIONED
    }

    /**
     * Provisions to one account (which must be the file's), or again to every account it is provisioned
     * to (no TargetId then); the request's status is stored as SUCCEEDED.
     */
    public RequestStatus provision(String instanceArn, String permissionSetArn, Optional<String> targetId,
                                   String targetType, String caller) {
        scope.checkInstance(instanceArn);
        ModelShape.PERMISSION_SET_ARN.require("permissionSetArn", permissionSetArn);
        TargetType type = ModelShape.oneOf("targetType", targetType, TargetType.class);
        targetId.ifPresent(id -> ModelShape.ACCOUNT_ID.require("targetId", id));
        if (type == TargetType.AWS_ACCOUNT && targetId.isEmpty()) {
            throw InvalidMemberException.missing("targetId");
        }
        if (type == TargetType.ALL_PROVISIONED_ACCOUNTS && targetId.isPresent()) {
            throw new GatehouseException(ErrorCode.VALIDATION,
                    "TargetId must not be given when TargetType is ALL_PROVISIONED_ACCOUNTS");
        }
        return scope.change(() -> {
            PermissionSet p = scope.permissionSet(instanceArn, permissionSetArn);
            List<DirectoryEntry> puts = new ArrayList<>();
            if (targetId.isPresent()) {
                String account = scope.account("targetId", targetId.get());
                checkRoomIn(scope.directory(), p, account);
                if (!p.provisionedTo().contains(account)) {
                    puts.add(p.provisionedAlsoTo(account));
                }
            }
            RequestStatus status = statuses.succeeded(Operation.PROVISIONING, p.arn(), targetId, Optional.empty(),
                    Optional.empty(), caller);
            puts.add(status);
            scope.write(puts, List.of());
            return status;
        });
    }

    /** The accounts a permission set is provisioned to, in id order. */
    public Page<String> accountsFor(String instanceArn, String permissionSetArn, Optional<String> provisioningStatus,
                                    PageRequest page) {
        PermissionSet p = scope.permissionSet(instanceArn, permissionSetArn);
        boolean latest = latest(provisioningStatus);
        List<String> accounts = latest ? List.copyOf(provisionedAccounts(scope.directory(), p)) : List.of();
        return page.apply(accounts, id -> id);
    }

    /** The permission sets provisioned to an account, in ARN order. */
    public Page<String> permissionSetsIn(String instanceArn, String accountId, Optional<String> provisioningStatus,
                                         PageRequest page) {
        scope.checkInstance(instanceArn);
        ModelShape.ACCOUNT_ID.require("accountId", accountId);
        boolean latest = latest(provisioningStatus);
        List<String> arns = latest ? List.copyOf(permissionSetsProvisionedTo(scope.directory(), accountId))
                : List.of();
        return page.apply(arns, arn -> arn);
    }

    /**
     * The accounts {@code p} is provisioned to: those it was provisioned to through sso-admin, and those
     * it is assigned in (the directory file's assignments provision as they are made), in id order.
     */
    static SortedSet<String> provisionedAccounts(Directory directory, PermissionSet p) {
        SortedSet<String> accounts = new TreeSet<>(p.provisionedTo());
        directory.assignments().stream().filter(a -> a.permissionSetArn().equals(p.arn()))
                .forEach(a -> accounts.add(a.accountId()));
        return accounts;
    }

    /** The ARNs of the permission sets provisioned to {@code account}, by the same rule, in ARN order. */
    static SortedSet<String> permissionSetsProvisionedTo(Directory directory, String account) {
        SortedSet<String> arns = new TreeSet<>();
        directory.permissionSets().stream().filter(p -> p.provisionedTo().contains(account))
                .forEach(p -> arns.add(p.arn()));
        directory.assignments().stream().filter(a -> a.accountId().equals(account))
                .filter(a -> directory.permissionSetByArn(a.permissionSetArn()).isPresent())
                .forEach(a -> arns.add(a.permissionSetArn()));
        return arns;
    }

    /** Whether the filter lets the provisioned (always latest) accounts through. */
    private static boolean latest(Optional<String> provisioningStatus) {
        return provisioningStatus.map(s -> ModelShape.oneOf("provisioningStatus", s, ProvisioningStatus.class))
                .orElse(ProvisioningStatus.LATEST_PERMISSION_SET_PROVISIONED)
                == ProvisioningStatus.LATEST_PERMISSION_SET_PROVISIONED;
    }

    /** Refuses to provision {@code p} to an account that already holds the most permission sets it may. */
    static void checkRoomIn(Directory directory, PermissionSet p, String account) {
        SortedSet<String> provisioned = permissionSetsProvisionedTo(directory, account);
        if (!provisioned.contains(p.arn()) && provisioned.size() >= PERMISSION_SETS_PER_ACCOUNT) {
            throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "Account " + account + " already has "
                    + PERMISSION_SETS_PER_ACCOUNT + " permission sets provisioned, the most it may have");
        }
    }
}
