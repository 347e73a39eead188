package dev.gatehouse.client.sso;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.Fault;
import dev.gatehouse.client.internal.AwsError;
import dev.gatehouse.client.sso.model.InvalidRequestException;
import dev.gatehouse.client.sso.model.ResourceNotFoundException;
import dev.gatehouse.client.sso.model.SsoServiceException;
import dev.gatehouse.client.sso.model.TooManyRequestsException;
import dev.gatehouse.client.sso.model.UnauthorizedException;

/**
 * The access portal's errors, in one place: the modeled ones (all {@code @error("client")}) become
 * their own classes, anything else the base {@link SsoServiceException}. The message is the body's
 * {@code message}, else {@code Message}.
 */
final class SsoErrors {
    private SsoErrors() {
    }

    static SsoServiceException toException(AwsError error, int attempts) {
        String code = error.code() == null ? "" : error.code();
        boolean modeled = switch (code) {
            case "InvalidRequestException", "UnauthorizedException", "TooManyRequestsException",
                 "ResourceNotFoundException" -> true;
            default -> false;
        };
        ErrorDetails details = new ErrorDetails(error.status(), error.requestId(), error.code(),
                error.member("message", "Message"), modeled ? Fault.CLIENT : Fault.ofStatus(error.status()),
                attempts, error.members());
        return switch (code) {
            case "InvalidRequestException" -> new InvalidRequestException(details);
            case "UnauthorizedException" -> new UnauthorizedException(details);
            case "TooManyRequestsException" -> new TooManyRequestsException(details);
            case "ResourceNotFoundException" -> new ResourceNotFoundException(details);
            default -> new SsoServiceException(details);
        };
    }
}
