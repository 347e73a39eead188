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
    SERVICE_UNAVAILABLE
}
