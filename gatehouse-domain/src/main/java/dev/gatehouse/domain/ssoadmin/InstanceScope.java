package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every sso-admin operation starts from: the instance it names must be this Gatehouse's, and the
 * permission sets, accounts and principals it names must exist here. Changes go through {@link #change},
 * one at a time on this instance, each one durable write to the live directory.
 */
public final class InstanceScope {
    private final LiveDirectory live;
    private final InstantSource clock;
    private final ReentrantLock writes = new ReentrantLock();

    public InstanceScope(LiveDirectory live, InstantSource clock) {
        this.live = live;
        this.clock = clock;
    }

    Directory directory() {
        return live.directory();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Checks that {@code instanceArn} is well formed and names this instance; another instance's ARN is
     * refused as AWS refuses a caller the instance's account does not own: AccessDeniedException.
     */
    public void checkInstance(String instanceArn) {
        ModelShape.INSTANCE_ARN.require("instanceArn", instanceArn);
        if (!instanceArn.equals(directory().ids().instanceArn())) {
            throw new GatehouseException(ErrorCode.ACCESS_DENIED, "The instance " + instanceArn
                    + " does not exist or is not accessible to the caller");
        }
    }

    /** The permission set of this instance that {@code arn} names; ResourceNotFoundException when none. */
    PermissionSet permissionSet(String instanceArn, String arn) {
        checkInstance(instanceArn);
        ModelShape.PERMISSION_SET_ARN.require("permissionSetArn", arn);
        return directory().permissionSetByArn(arn).orElseThrow(() -> new GatehouseException(
                ErrorCode.RESOURCE_NOT_FOUND, "Could not find PermissionSet with PermissionSetArn " + arn));
    }

    /** {@code accountId} when well formed and an account of the directory file. */
    String account(String member, String accountId) {
        ModelShape.ACCOUNT_ID.require(member, accountId);
        if (directory().account(accountId).isEmpty()) {
            throw new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "Account " + accountId
                    + " is not an account of this instance");
        }
        return accountId;
    }

    /** Checks that the user or group exists and is of the type named. */
    void principal(PrincipalType type, String principalId) {
        ModelShape.PRINCIPAL_ID.require("principalId", principalId);
        boolean exists = type == PrincipalType.USER
                ? directory().userById(principalId).isPresent()
                : directory().group(principalId).isPresent();
        if (!exists) {
            throw new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "Could not find " + type
                    + " with PrincipalId " + principalId);
        }
    }

    /** Runs {@code work} alone among this instance's sso-admin changes, so that each reads what the last wrote. */
    <T> T change(Supplier<T> work) {
        writes.lock();
        try {
            live.refresh();
            return work.get();
        } finally {
            writes.unlock();
        }
    }

    /** Writes at once and durably; in force on this instance on return. */
    void write(List<DirectoryEntry> puts, List<DirectoryEntry> deletes) {
        live.write(puts, deletes);
    }
}
