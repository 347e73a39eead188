package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * The one place where errors become STS (awsQuery) error responses, as STS sends them: the status,
 * {@code Content-Type: text/xml}, no {@code x-amzn-ErrorType} header, and an {@code ErrorResponse}
 * document whose {@code Error/Code} is what every SDK reads, with the request id repeated in it.
 */
public final class QueryErrors {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final QueryShape INTERNAL = new QueryShape(500, "InternalFailure");

    private QueryErrors() {
    }

    /** The wire shape of one error: HTTP status and error code; the type (Sender/Receiver) follows the status. */
    public record QueryShape(int status, String code) {
        String type() {
            return status >= 500 ? "Receiver" : "Sender";
        }
    }

    public static QueryShape shapeOf(ErrorCode code) {
        return switch (code) {
            case UNSIGNED -> new QueryShape(403, "MissingAuthenticationToken");
            case MALFORMED_SIGNATURE -> new QueryShape(400, "IncompleteSignature");
            case SIGNATURE_MISMATCH -> new QueryShape(403, "SignatureDoesNotMatch");
            case UNKNOWN_ACCESS_KEY, UNAUTHORIZED -> new QueryShape(403, "InvalidClientTokenId");
            // STS answers expired credentials with 403 ExpiredToken (not the modeled ExpiredTokenException,
            // which is AssumeRoleWithWebIdentity's 400 for an expired web identity token)
            case EXPIRED_TOKEN -> new QueryShape(403, "ExpiredToken");
            case MISSING_OPERATION -> new QueryShape(400, "MissingAction");
            case UNKNOWN_OPERATION -> new QueryShape(400, "InvalidAction");
            case FORBIDDEN, ACCESS_DENIED -> new QueryShape(403, "AccessDenied");
            // a 400 Throttling is what the SDKs retry with backoff
            case TOO_MANY_REQUESTS, SLOW_DOWN, THROTTLING -> new QueryShape(400, "Throttling");
            // the OAuth codes belong to SSO OIDC; no STS operation raises them
            case INVALID_REQUEST, RESOURCE_NOT_FOUND, INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT,
                 UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE, INVALID_REDIRECT_URI, INVALID_CLIENT_METADATA,
                 AUTHORIZATION_PENDING, VALIDATION, CONFLICT, SERVICE_QUOTA_EXCEEDED ->
                    new QueryShape(400, "InvalidParameterValue");
        };
    }

    public static WireResponse response(QueryShape shape, String message, String requestId) {
        String body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + shape.type() + "</Type>\n"
                + "    <Code>" + shape.code() + "</Code>\n"
                + "    <Message>" + Xml.escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + Xml.escape(String.valueOf(requestId)) + "</RequestId>\n"
                + "</ErrorResponse>\n";
        return new WireResponse(shape.status(), StsWire.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** STS's errors as an {@link ErrorFormat}, for its route's guards and dispatcher. */
    public static final ErrorFormat FORMAT = new ErrorFormat() {
        @Override
        public String errorName(ErrorCode code) {
            return shapeOf(code).code();
        }

        @Override
        public WireResponse response(ErrorCode code, String message, String requestId) {
            return QueryErrors.response(shapeOf(code), message, requestId);
        }

        @Override
        public WireResponse bodyTooLarge(String message, String requestId) {
            return QueryErrors.response(new QueryShape(413, "RequestEntityTooLarge"), message, requestId);
        }

        @Override
        public WireResponse internal(String requestId) {
            return QueryErrors.response(INTERNAL, INTERNAL_MESSAGE, requestId);
        }

        @Override
        public WireResponse unavailable(String requestId) {
            return QueryErrors.response(new QueryShape(503, "ServiceUnavailable"), UNAVAILABLE_MESSAGE, requestId);
        }
    };
}
