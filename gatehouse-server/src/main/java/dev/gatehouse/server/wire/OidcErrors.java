package dev.gatehouse.server.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.domain.error.ErrorCode;

/**
 * The one place where errors become SSO OIDC error responses, as the real service sends them: the
 * status, {@code x-amzn-ErrorType: <Shape>:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/}
 * (SDKs keep what comes before the colon), and the OAuth body {@code {"error", "error_description"}}.
 * Almost everything is a 400, so clients tell errors apart by the type alone.
 */
public final class OidcErrors {
    static final String NAMESPACE = ":http://internal.amazon.com/coral/com.amazonaws.sso.oidc/";
    private static final OidcShape INTERNAL = new OidcShape(500, "InternalServerException", "server_error");
    /**
     * The model has no error for an outage: its fault, InternalServerException, with 503, which every
     * AWS SDK retries with backoff (as it does a 500) and which says that nothing was done.
     */
    private static final OidcShape UNAVAILABLE = new OidcShape(503, "InternalServerException", "server_error");

    private OidcErrors() {
    }

    /** The wire shape of one error: HTTP status, model shape name and OAuth error code. */
    public record OidcShape(int status, String type, String error) {
    }

    public static OidcShape shapeOf(ErrorCode code) {
        return switch (code) {
            // the signed-request and operation codes belong to STS (QueryErrors); no SSO OIDC operation raises them
            case INVALID_REQUEST, RESOURCE_NOT_FOUND, UNSIGNED, MALFORMED_SIGNATURE, SIGNATURE_MISMATCH,
                 UNKNOWN_ACCESS_KEY, MISSING_OPERATION, UNKNOWN_OPERATION, VALIDATION, CONFLICT,
                 SERVICE_QUOTA_EXCEEDED ->
                    bad("InvalidRequestException", "invalid_request");
            case INVALID_CLIENT, UNAUTHORIZED -> new OidcShape(401, "InvalidClientException", "invalid_client");
            case INVALID_GRANT -> bad("InvalidGrantException", "invalid_grant");
            case UNAUTHORIZED_CLIENT -> bad("UnauthorizedClientException", "unauthorized_client");
            case UNSUPPORTED_GRANT_TYPE -> bad("UnsupportedGrantTypeException", "unsupported_grant_type");
            case INVALID_SCOPE -> bad("InvalidScopeException", "invalid_scope");
            case INVALID_REDIRECT_URI -> bad("InvalidRedirectUriException", "invalid_redirect_uri");
            case INVALID_CLIENT_METADATA -> bad("InvalidClientMetadataException", "invalid_client_metadata");
            case AUTHORIZATION_PENDING -> bad("AuthorizationPendingException", "authorization_pending");
            // the model has no throttling error: rate limits and load shedding are a slow_down
            case SLOW_DOWN, TOO_MANY_REQUESTS, THROTTLING -> bad("SlowDownException", "slow_down");
            case ACCESS_DENIED, FORBIDDEN -> bad("AccessDeniedException", "access_denied");
            case EXPIRED_TOKEN -> bad("ExpiredTokenException", "expired_token");
        };
    }

    private static OidcShape bad(String type, String error) {
        return new OidcShape(400, type, error);
    }

    public static WireResponse response(OidcShape shape, String description) {
        try {
            return new WireResponse(shape.status(), "application/json",
                    Json.MAPPER.writeValueAsBytes(new ErrorBody(shape.error(), description)), shape.type() + NAMESPACE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SSO OIDC's errors as an {@link ErrorFormat}, for its routes' guards and dispatcher. */
    public static final ErrorFormat FORMAT = new ErrorFormat() {
        @Override
        public String errorName(ErrorCode code) {
            return shapeOf(code).type();
        }

        @Override
        public WireResponse response(ErrorCode code, String message, String requestId) {
            return OidcErrors.response(shapeOf(code), message);
        }

        @Override
        public WireResponse bodyTooLarge(String message, String requestId) {
            return OidcErrors.response(new OidcShape(413, "InvalidRequestException", "invalid_request"), message);
        }

        @Override
        public WireResponse internal(String requestId) {
            return OidcErrors.response(INTERNAL, INTERNAL_MESSAGE);
        }

        @Override
        public WireResponse unavailable(String requestId) {
            return OidcErrors.response(UNAVAILABLE, UNAVAILABLE_MESSAGE);
        }
    };

    private record ErrorBody(String error, @JsonProperty("error_description") String errorDescription) {
    }
}
