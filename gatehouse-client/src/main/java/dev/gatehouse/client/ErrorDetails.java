package dev.gatehouse.client;

import java.util.Map;

/**
 * What an error response said, as one value: the HTTP status, the request id the service gave it
 * ({@code x-amzn-RequestId}), the error code (the modeled error's name, for example
 * {@code UnauthorizedException}, or null when the service named none), its message, whose fault it
 * is, how many attempts were made before it surfaced, and the string members of the error body
 * (for SSO OIDC: {@code error}, {@code error_description}, {@code reason}).
 */
public record ErrorDetails(int statusCode, String requestId, String errorCode, String errorMessage, Fault fault,
                           int attempts, Map<String, String> members) {
    public ErrorDetails {
        if (fault == null) {
            throw new IllegalArgumentException("fault is required");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        members = members == null ? Map.of() : Map.copyOf(members);
    }
}
