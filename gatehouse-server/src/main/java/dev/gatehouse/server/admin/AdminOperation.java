package dev.gatehouse.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;

/**
 * One admin API operation (identitystore, sso-admin, Gatehouse's own): takes the request's JSON
 * members, already parsed, and the caller whose signature was checked; returns the output members.
 * Runs on a virtual thread. Domain errors it throws become awsJson1.1 errors.
 */
@FunctionalInterface
public interface AdminOperation {
    Object handle(JsonNode input, AdminCaller caller);

    /**
     * The operation as {@link AdminTargets} runs it, also told the base URL the caller reached the
     * service at ({@code http://127.0.0.1:8080}, or what a proxy passed on). An operation whose output
     * links back to the service (an invitation link) overrides this; the others need only the input
     * and the caller.
     */
    default Object handle(JsonNode input, AdminCaller caller, String baseUrl) {
        return handle(input, caller);
    }

    /**
     * Whether the answer carries a secret (CreateAdminKey's secret access key, CreateInvitation's link):
     * its answers, errors included, then say {@code Cache-Control: no-store}.
     */
    default boolean handsOutSecrets() {
        return false;
    }
}
