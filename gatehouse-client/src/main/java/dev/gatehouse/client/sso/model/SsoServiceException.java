package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.ServiceException;

/**
 * An error answer of the access portal. The modeled errors have their own subclasses
 * ({@link InvalidRequestException}, {@link UnauthorizedException}, {@link TooManyRequestsException},
 * {@link ResourceNotFoundException}); any other — such as the unmodeled {@code ForbiddenException}
 * (403) for an account or role not assigned to the user — is this class itself, with the code the
 * service sent in {@link #errorCode()}.
 */
public class SsoServiceException extends ServiceException {
    public SsoServiceException(ErrorDetails details) {
        super(details);
    }
}
