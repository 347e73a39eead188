package dev.gatehouse.domain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status of one of sso-admin's asynchronous requests (an account assignment made or removed, a
 * permission set provisioned), kept in the store so that every instance on it can describe and list
 * it. Gatehouse carries the change out before it answers, so a status is final when it is written.
 *
 * @param requestId        the request's UUID, the entry's id
 * @param permissionSetArn the permission set the request was about
 * @param accountId        the account (TargetId); absent for a provisioning to all provisioned accounts
 * @param principalType    for assignment requests only
 * @param createdBy        the access key that made the request
 */
public record RequestStatus(String requestId, Operation operation, Status status, Optional<String> failureReason,
                            String permissionSetArn, Optional<String> accountId, Optional<PrincipalType> principalType,
                            Optional<String> principalId, Instant createdAt, String createdBy)
        implements DirectoryEntry {

    /** Which asynchronous operation the request was. */
    public enum Operation {
        ASSIGNMENT_CREATION, ASSIGNMENT_DELETION, PROVISIONING
    }

    /** sso-admin's StatusValues. */
    public enum Status {
        IN_PROGRESS, FAILED, SUCCEEDED
    }

    @Override
    public String id() {
        return requestId;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.REQUEST_STATUS;
    }

    @Override
    public List<String> uniqueKeys() {
        return List.of();
    }

    /** Orders statuses oldest first (ties by id), as a string, so that pages of them are stable. */
    public String sortKey() {
        return String.format("%019d|%s", createdAt.toEpochMilli(), requestId);
    }
}
