package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;

/** SSO OIDC's {@code InvalidClientMetadataException} ({@code invalid_client_metadata}, HTTP 400: the registration request is not acceptable). */
public final class InvalidClientMetadataException extends SsoOidcServiceException {
    public InvalidClientMetadataException(ErrorDetails details) {
        super(details);
    }
}
