package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.directory.RequestStatus.Operation;
import dev.gatehouse.domain.directory.RequestStatus.Status;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statuses of sso-admin's asynchronous requests (assignments made and removed, provisioning):
 * each request gets a new UUID and a stored status, which any instance on the store can describe and
 * list, oldest first, filtered by status.
 */
public final class RequestStatuses {
    private final InstanceScope scope;

    public RequestStatuses(InstanceScope scope) {
        this.scope = scope;
    }

    /** The status of a request just carried out: SUCCEEDED, with a new request id. */
    RequestStatus succeeded(Operation operation, String permissionSetArn, Optional<String> accountId,
                            Optional<PrincipalType> principalType, Optional<String> principalId, String caller) {
        return new RequestStatus(UUID.randomUUID().toString(), operation, Status.SUCCEEDED, Optional.empty(),
                permissionSetArn, accountId, principalType, principalId, scope.now(), caller);
    }

    /**
     * The status of request {@code requestId} of this operation; ResourceNotFoundException when there is
     * none (a request of another operation is not found either).
     *
     * @param member the request id's member, as the operation's model names it
     */
    public RequestStatus describe(String instanceArn, Operation operation, String member, String requestId) {
        scope.checkInstance(instanceArn);
        ModelShape.REQUEST_ID.require(member, requestId);
        return scope.directory().requestStatus(requestId).filter(s -> s.operation() == operation)
                .orElseThrow(() -> new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND,
                        "Could not find a request with id " + requestId));
    }

    /** The statuses of this operation's requests, oldest first, only those in {@code status} when given. */
    public Page<RequestStatus> list(String instanceArn, Operation operation, Optional<String> status,
                                    PageRequest page) {
        scope.checkInstance(instanceArn);
        Optional<Status> wanted = status.map(s -> ModelShape.oneOf("filter.status", s, Status.class));
        List<RequestStatus> matching = scope.directory().requestStatuses().stream()
                .filter(s -> s.operation() == operation)
                .filter(s -> wanted.isEmpty() || s.status() == wanted.get())
                .sorted(Comparator.comparing(RequestStatus::sortKey))
                .toList();
        return page.apply(matching, RequestStatus::sortKey);
    }
}
