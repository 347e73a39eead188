package dev.gatehouse.domain.error;

/**
 * What went wrong, independent of any wire format. The HTTP layer maps each code to a status and an
 * error type in one place.
 */
public enum ErrorCode {
    /** A required member is missing or a value is out of range. */
    INVALID_REQUEST,
    /** The access token is unknown, expired or its sign-in session has ended. */
    UNAUTHORIZED,
    /** The caller is signed in but has no assignment for the account or role. */
    FORBIDDEN,
    /** A rate limit or the bound on work in flight was hit. */
    TOO_MANY_REQUESTS,
    /** The requested resource does not exist. */
    RESOURCE_NOT_FOUND,
    /** A dependency (the store) cannot serve right now. */
    SERVICE_UNAVAILABLE,

    // The SSO OIDC API's own errors (OAuth 2.0 error codes).
    /** The client id is unknown, its secret wrong, or its registration expired. */
    INVALID_CLIENT,
    /** The grant (device code, authorization code, refresh token) is not good. */
    INVALID_GRANT,
    /** The client may not use this grant or redirect. */
    UNAUTHORIZED_CLIENT,
    UNSUPPORTED_GRANT_TYPE,
    INVALID_SCOPE,
    INVALID_REDIRECT_URI,
    INVALID_CLIENT_METADATA,
    /** The person has not yet approved the device code. */
    AUTHORIZATION_PENDING,
    /** The device code was polled faster than its interval. */
    SLOW_DOWN,
    /** The person denied the request. */
    ACCESS_DENIED,
    /** The device code or authorization code has expired; for STS, the role credentials have. */
    EXPIRED_TOKEN,

    // STS (awsQuery, SigV4) errors.
    /** No signature at all: no {@code Authorization} header. */
    MISSING_AUTHENTICATION_TOKEN,
    /** A signature that cannot be read: a part of the {@code Authorization} header missing or malformed. */
    INCOMPLETE_SIGNATURE,
    /** The signature is wrong, was made too long ago or for the wrong scope. */
    SIGNATURE_DOES_NOT_MATCH,
    /** The access key id is unknown, or the session token does not belong to it (or was revoked). */
    INVALID_CLIENT_TOKEN_ID,
    /** No {@code Action} parameter. */
    MISSING_ACTION,
    /** An {@code Action} (for that {@code Version}) the service does not have. */
    INVALID_ACTION
}
