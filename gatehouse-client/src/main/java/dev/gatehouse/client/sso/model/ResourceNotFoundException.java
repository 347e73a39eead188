package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.ErrorDetails;

/** The access portal's {@code ResourceNotFoundException} (HTTP 404: the resource does not exist). */
public final class ResourceNotFoundException extends SsoServiceException {
    public ResourceNotFoundException(ErrorDetails details) {
        super(details);
    }
}
