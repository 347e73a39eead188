package dev.gatehouse.client.internal;

import java.util.Map;

/**
 * An error response as the AWS restJson1 protocol carries it, before it becomes an exception. The
 * error type comes from the {@code x-amzn-ErrorType} header, else the body's {@code __type}, else
 * its {@code code} / {@code Code}; in each case cut at the first ':' (the real OIDC service sends
 * {@code Name:http://internal.amazon.com/coral/...}) and keeping what follows the last '#'
 * ({@code com.amazonaws.sso#Name}). The body's string members are kept for the message:
 * {@code message} / {@code Message} for the access portal, {@code error_description} for SSO OIDC.
 *
 * @param code the error type, or null when the response names none (or the body is not JSON)
 */
public record AwsError(int status, String requestId, String code, Map<String, String> members) {
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    public AwsError {
        members = Map.copyOf(members);
    }

    public static AwsError parse(WireResponse response) {
        Map<String, String> members;
        try {
            members = response.json().strings();
        } catch (WireFormatException e) {
            members = Map.of(); // an HTML page from a proxy, say: only the status and headers count
        }
        String code = errorType(response.header(ERROR_TYPE));
        if (code == null) {
            code = errorType(members.get("__type"));
        }
        if (code == null) {
            code = errorType(members.get("code"));
        }
        if (code == null) {
            code = errorType(members.get("Code"));
        }
        return new AwsError(response.status(), response.requestId(), code, members);
    }

    /** {@code Name}, {@code Name:namespace-url}, {@code ns#Name}, {@code ns#Name:url} → {@code Name}; blank → null. */
    public static String errorType(String raw) {
        if (raw == null) {
            return null;
        }
        String type = raw.strip();
        int colon = type.indexOf(':');
        if (colon >= 0) {
            type = type.substring(0, colon);
        }
        int hash = type.lastIndexOf('#');
        if (hash >= 0) {
            type = type.substring(hash + 1);
        }
        type = type.strip();
        return type.isEmpty() ? null : type;
    }

    /** The first of these body members that is present, or null. */
    public String member(String... names) {
        for (String name : names) {
            String value = members.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
