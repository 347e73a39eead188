package dev.gatehouse.domain.federation;

import java.util.List;
import java.util.Optional;

/**
 * Who an external identity provider says signed in, after its answer was checked (signature, issuer,
 * audience, time, one-time use): the value matched against the directory (a user name or an e-mail,
 * as the source's {@link IdentitySource.UserMatch} says), the provider's own subject id, the group
 * names it sent and what it said of the person (for just-in-time users).
 *
 * @param protocol {@code saml} or {@code oidc}, for the audit trail and the session's origin
 */
public record UpstreamIdentity(String protocol, String issuer, String subject, String matchValue,
                               List<String> groups, Profile profile) {
    public UpstreamIdentity {
        groups = List.copyOf(groups);
    }

    /** An identity with nothing said of the person beyond the value matched. */
    public UpstreamIdentity(String protocol, String issuer, String subject, String matchValue, List<String> groups) {
        this(protocol, issuer, subject, matchValue, groups, Profile.NONE);
    }

    /**
     * What the provider said of the person, each when it said it: the profile a just-in-time user is
     * made with (OIDC's {@code name}, {@code given_name}, {@code family_name}, {@code email}).
     */
    public record Profile(Optional<String> displayName, Optional<String> givenName, Optional<String> familyName,
                          Optional<String> email) {
        public static final Profile NONE = new Profile(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
