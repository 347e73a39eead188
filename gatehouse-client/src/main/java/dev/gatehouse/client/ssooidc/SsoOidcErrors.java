package dev.gatehouse.client.ssooidc;

import dev.gatehouse.client.ErrorDetails;
import dev.gatehouse.client.Fault;
import dev.gatehouse.client.internal.AwsError;
import dev.gatehouse.client.ssooidc.model.AccessDeniedException;
import dev.gatehouse.client.ssooidc.model.AuthorizationPendingException;
import dev.gatehouse.client.ssooidc.model.ExpiredTokenException;
import dev.gatehouse.client.ssooidc.model.InternalServerException;
import dev.gatehouse.client.ssooidc.model.InvalidClientException;
import dev.gatehouse.client.ssooidc.model.InvalidClientMetadataException;
import dev.gatehouse.client.ssooidc.model.InvalidGrantException;
import dev.gatehouse.client.ssooidc.model.InvalidRedirectUriException;
import dev.gatehouse.client.ssooidc.model.InvalidRequestException;
import dev.gatehouse.client.ssooidc.model.InvalidScopeException;
import dev.gatehouse.client.ssooidc.model.SlowDownException;
import dev.gatehouse.client.ssooidc.model.SsoOidcServiceException;
import dev.gatehouse.client.ssooidc.model.UnauthorizedClientException;
import dev.gatehouse.client.ssooidc.model.UnsupportedGrantTypeException;
import java.util.Map;
import java.util.function.Function;

/**
 * SSO OIDC's errors, in one place: the modeled error types and their classes (all client faults but
 * {@code InternalServerException}); anything else becomes the base {@link SsoOidcServiceException}.
 * The message is the OAuth body's {@code error_description}, else {@code message} / {@code Message}.
 */
final class SsoOidcErrors {
    private static final Map<String, Function<ErrorDetails, SsoOidcServiceException>> MODELED = Map.ofEntries(
            Map.entry("AccessDeniedException", AccessDeniedException::new),
            Map.entry("AuthorizationPendingException", AuthorizationPendingException::new),
            Map.entry("ExpiredTokenException", ExpiredTokenException::new),
            Map.entry("InternalServerException", InternalServerException::new),
            Map.entry("InvalidClientException", InvalidClientException::new),
            Map.entry("InvalidClientMetadataException", InvalidClientMetadataException::new),
            Map.entry("InvalidGrantException", InvalidGrantException::new),
            Map.entry("InvalidRedirectUriException", InvalidRedirectUriException::new),
            Map.entry("InvalidRequestException", InvalidRequestException::new),
            Map.entry("InvalidScopeException", InvalidScopeException::new),
            Map.entry("SlowDownException", SlowDownException::new),
            Map.entry("UnauthorizedClientException", UnauthorizedClientException::new),
            Map.entry("UnsupportedGrantTypeException", UnsupportedGrantTypeException::new));

    private SsoOidcErrors() {
    }

    static SsoOidcServiceException toException(AwsError error, int attempts) {
        Function<ErrorDetails, SsoOidcServiceException> modeled = error.code() == null ? null : MODELED.get(error.code());
        Fault fault = modeled == null ? Fault.ofStatus(error.status())
                : "InternalServerException".equals(error.code()) ? Fault.SERVER : Fault.CLIENT;
        ErrorDetails details = new ErrorDetails(error.status(), error.requestId(), error.code(),
                error.member("error_description", "message", "Message"), fault, attempts, error.members());
        return modeled == null ? new SsoOidcServiceException(details) : modeled.apply(details);
    }
}
