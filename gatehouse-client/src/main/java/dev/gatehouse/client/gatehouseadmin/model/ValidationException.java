package dev.gatehouse.client.gatehouseadmin.model;

import dev.gatehouse.client.ErrorDetails;

/** {@code ValidationException}: an input member broke the operation's rules; the message names it. */
public final class ValidationException extends GatehouseAdminException {
    public ValidationException(ErrorDetails details) {
        super(details);
    }
}
