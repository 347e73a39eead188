package dev.gatehouse.server.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.identitystore.IdentityStoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of the awsJson1.1 APIs (identitystore, sso-admin): the error type in the body's
 * {@code __type} and in {@code x-amzn-ErrorType}, and the modeled {@code Message}. As in AWS, every
 * caller error is a 400 (the SDKs tell them apart by type) and our own failures a 500; the signing
 * errors carry the names AWS's JSON services give them.
 */
public final class AwsJsonErrors {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsJsonErrors() {
    }

    public static final ErrorFormat FORMAT = new ErrorFormat() {
        @Override
        public String errorName(ErrorCode code) {
            return typeOf(code);
        }

        @Override
        public WireResponse response(ErrorCode code, String message, String requestId) {
            return AwsJsonErrors.response(400, typeOf(code), message);
        }

        /** identitystore's errors (and GatehouseAdmin's not-found) also name the missing resource, or why a change conflicts. */
        @Override
        public WireResponse response(GatehouseException error, String requestId) {
            Map<String, String> members = new LinkedHashMap<>();
            if (error instanceof IdentityStoreException e) {
                e.resourceType().ifPresent(t -> members.put("ResourceType", t.name()));
                e.resourceId().ifPresent(id -> members.put("ResourceId", id));
                e.reason().ifPresent(r -> members.put("Reason", r.name()));
            } else if (error instanceof ResourceNotFound e) {
                members.put("ResourceType", e.resourceType());
                members.put("ResourceId", e.resourceId());
            }
            return AwsJsonErrors.response(400, typeOf(error.code()), ErrorMessages.of(error), members);
        }

        @Override
        public WireResponse bodyTooLarge(String message, String requestId) {
            return AwsJsonErrors.response(413, "ValidationException", message);
        }

        @Override
        public WireResponse internal(String requestId) {
            return AwsJsonErrors.response(500, "InternalServerException", INTERNAL_MESSAGE);
        }

        @Override
        public WireResponse unavailable(String requestId) {
            return AwsJsonErrors.response(503, "ServiceUnavailableException", UNAVAILABLE_MESSAGE);
        }
    };

    public static String typeOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION, INVALID_REQUEST -> "ValidationException";
            case RESOURCE_NOT_FOUND -> "ResourceNotFoundException";
            case CONFLICT -> "ConflictException";
            case SERVICE_QUOTA_EXCEEDED -> "ServiceQuotaExceededException";
            case ACCESS_DENIED, FORBIDDEN -> "AccessDeniedException";
            case THROTTLING, TOO_MANY_REQUESTS, SLOW_DOWN -> "ThrottlingException";
            case UNSIGNED -> "MissingAuthenticationTokenException";
            case MALFORMED_SIGNATURE -> "IncompleteSignatureException";
            case SIGNATURE_MISMATCH -> "InvalidSignatureException";
            case UNKNOWN_ACCESS_KEY, UNAUTHORIZED, EXPIRED_TOKEN -> "UnrecognizedClientException";
            case MISSING_OPERATION, UNKNOWN_OPERATION -> "UnknownOperationException";
            // the OAuth codes belong to SSO OIDC; no admin operation raises them
            case INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
                 INVALID_REDIRECT_URI, INVALID_CLIENT_METADATA, AUTHORIZATION_PENDING -> "ValidationException";
        };
    }

    public static WireResponse response(int status, String type, String message) {
        return response(status, type, message, Map.of());
    }

    /** An error with members of its own beside the type and the message. */
    static WireResponse response(int status, String type, String message, Map<String, String> members) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("Message", message);
        body.putAll(members);
        try {
            return new WireResponse(status, CONTENT_TYPE, Json.MAPPER.writeValueAsBytes(body), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
