package dev.gatehouse.domain.audit;

/**
 * What a security event was. The wire name (the JSON-lines log, the admin API, the CLI) is the
 * constant's name in PascalCase, as CloudTrail names its events.
 */
public enum AuditEvent {
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    MFA_SUCCEEDED,
    MFA_FAILED,
    /** Tokens handed to a client by a device-code or authorization-code grant. */
    TOKEN_ISSUED,
    TOKEN_REFRESHED,
    /** A spent refresh token or authorization code presented again: theft detected, the session ended. */
    TOKEN_REUSED,
    LOGOUT,
    /** The user ended one of their sessions from the portal's sessions page. */
    SESSION_ENDED_BY_USER,
    SESSION_ENDED_BY_ADMIN,
    /** The user went past the sessions-per-user cap; their oldest session was ended. */
    SESSION_ENDED_BY_CAP,
    /** A password reset (invitation accepted) or a deleted user ended the user's sessions. */
    SESSIONS_ENDED_BY_DIRECTORY,
    ROLE_CREDENTIALS_ISSUED,
    ROLE_SESSIONS_ENDED_BY_ADMIN,
    /** A call to an admin API (identitystore, sso-admin, GatehouseAdmin), done or refused. */
    ADMIN_CALL,
    DEVICE_CODE_LOCKOUT,
    INVITATION_ACCEPTED,
    /** A user made on their first sign-in through an external identity provider (just-in-time users). */
    USER_CREATED_JUST_IN_TIME;

    private final String wireName;

    AuditEvent() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        this.wireName = name.toString();
    }

    public String wireName() {
        return wireName;
    }

    public static java.util.Optional<AuditEvent> fromWireName(String name) {
        for (AuditEvent event : values()) {
            if (event.wireName.equals(name)) {
                return java.util.Optional.of(event);
            }
        }
        return java.util.Optional.empty();
    }
}
