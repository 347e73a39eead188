package dev.gatehouse.domain.credentials;

/** Who signed a request, as STS GetCallerIdentity names them. */
public record CallerIdentity(String account, String arn, String userId) {

    /** The identity of a role session: {@code assumed-role/<role name>/<session name>}. */
    public static CallerIdentity of(ReservedRoles.Role role, String sessionName) {
        return new CallerIdentity(role.accountId(),
                "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName,
                role.id() + ":" + sessionName);
    }
}
