package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.Fault;
import dev.gatehouse.client.gatehouseadmin.model.GatehouseAdminException;
import dev.gatehouse.client.gatehouseadmin.model.ResourceNotFoundException;
import dev.gatehouse.client.gatehouseadmin.model.ValidationException;
import dev.gatehouse.client.internal.AwsError;

/** The admin API's errors in one place: the error type from {@code x-amzn-ErrorType} or {@code __type}, the body's {@code Message}. */
final class GatehouseAdminErrors {
    private GatehouseAdminErrors() {
    }

    static GatehouseAdminException toException(AwsError error, int attempts) {
        String code = error.code() == null ? "" : error.code();
        ErrorDetails details = new ErrorDetails(error.status(), error.requestId(), error.code(),
                error.member("Message", "message"), Fault.ofStatus(error.status()), attempts, error.members());
        return switch (code) {
            case "ValidationException" -> new ValidationException(details);
            case "ResourceNotFoundException" -> new ResourceNotFoundException(details);
            default -> new GatehouseAdminException(details);
        };
    }
}
