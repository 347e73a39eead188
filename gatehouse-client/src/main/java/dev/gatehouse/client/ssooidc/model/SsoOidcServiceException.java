package dev.gatehouse.client.ssooidc.model;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.ServiceException;

/**
 * An error answer of SSO OIDC. Almost every error is a 400, so they differ only by their type (the
 * {@code x-amzn-ErrorType} header): each modeled one has its own subclass; any other is this class
 * itself. {@link #errorMessage()} is the body's {@code error_description}; {@link #error()} the OAuth
 * code ({@code authorization_pending}, {@code invalid_grant}, …).
 */
public class SsoOidcServiceException extends ServiceException {
    public SsoOidcServiceException(ErrorDetails details) {
        super(details);
    }

    /** The body's OAuth {@code error} code, or null. */
    public String error() {
        return details().members().get("error");
    }

    /** The body's {@code reason} (AccessDeniedException, InvalidRequestException: KMS reasons), or null. */
    public String reason() {
        return details().members().get("reason");
    }
}
