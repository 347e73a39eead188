package dev.gatehouse.domain.error;

/**
 * What went wrong, independent of any wire format. Each API's error format in the server's
 * {@code wire} package maps every code to a status and an error type in one place. A store that
 * cannot serve is not a code here but a {@link dev.gatehouse.domain.store.StoreUnavailableException}:
 * its details are for the log, never for the caller.
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
    /** The device code or authorization code has expired; for a signed request, the role credentials have. */
    EXPIRED_TOKEN,

    // Signed requests (SigV4) and operations named in the request.
    /** The request is not signed at all. */
    UNSIGNED,
    /** The signature cannot be read: a part of it is missing or malformed. */
    MALFORMED_SIGNATURE,
    /** The signature is wrong, was made too long ago or too far ahead, or for the wrong scope. */
    SIGNATURE_MISMATCH,
    /** The access key is unknown, or the session token does not belong to it (or was revoked). */
    UNKNOWN_ACCESS_KEY,
    /** The request names no operation. */
    MISSING_OPERATION,
    /** The request names an operation (or a version of it) the service does not have. */
    UNKNOWN_OPERATION,

    // The admin APIs' own errors (identitystore, sso-admin); ACCESS_DENIED and RESOURCE_NOT_FOUND too.
    /** An input member breaks the model's rules (length, pattern, range, a required member missing). */
    VALIDATION,
    /** A uniqueness claim would be broken, or the entry is in use. */
    CONFLICT,
    /** The change would exceed a quota (users, groups, permission sets, policies per permission set). */
    SERVICE_QUOTA_EXCEEDED,
    /** The caller is making admin calls faster than the limit. */
    THROTTLING
}
