package dev.gatehouse.client.gatehouseadmin.model;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.ServiceException;

/**
 * An error answer of Gatehouse's admin API. {@link ValidationException} and
 * {@link ResourceNotFoundException} have their own classes; any other — the signing errors
 * ({@code UnrecognizedClientException} for an unknown or revoked key, {@code InvalidSignatureException}
 * for a wrong secret, region or clock) among them — is this class, with the code the service sent
 * in {@link #errorCode()}.
 */
public class GatehouseAdminException extends ServiceException {
    public GatehouseAdminException(ErrorDetails details) {
        super(details);
    }
}
