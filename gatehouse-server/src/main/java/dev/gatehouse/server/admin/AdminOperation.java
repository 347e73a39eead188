package dev.gatehouse.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;

/**
 * One admin API operation (identitystore or sso-admin): takes the request's JSON members, already
 * parsed, and the caller whose signature was checked; returns the output members. Runs on a virtual
 * thread. Domain errors it throws become awsJson1.1 errors.
 */
@FunctionalInterface
public interface AdminOperation {
    Object handle(JsonNode input, AdminCaller caller);

    /**
     * Whether the answer carries a secret (CreateAdminKey's secret access key): its answers, errors
     * included, then say {@code Cache-Control: no-store}.
     */
    default boolean handsOutSecrets() {
        return false;
    }
}
