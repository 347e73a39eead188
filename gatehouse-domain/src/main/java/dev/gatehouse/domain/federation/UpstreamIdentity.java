package dev.gatehouse.domain.federation;

import java.util.List;

/**
 * Who an external identity provider says signed in, after its answer was checked (signature, issuer,
 * audience, time, one-time use): the value matched against the directory (a user name or an e-mail,
 * as the source's {@link IdentitySource.UserMatch} says), the provider's own subject id, and the
 * group names it sent (for just-in-time users).
 *
 * @param protocol {@code saml} or {@code oidc}, for the audit trail and the session's origin
 */
public record UpstreamIdentity(String protocol, String issuer, String subject, String matchValue,
                               List<String> groups) {
    public UpstreamIdentity {
        groups = List.copyOf(groups);
    }
}
