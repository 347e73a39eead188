package dev.gatehouse.server.federation.oidc;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.UpstreamIdentity;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The checked ID token's claims as an {@link UpstreamIdentity}: the configured {@code userClaim} is
 * the value matched against the directory, {@code sub} the provider's own id for the person, the
 * {@code groupsClaim} (a list of names, or one name) the groups of a just-in-time user, and
 * {@code name}, {@code given_name}, {@code family_name}, {@code email} their profile. Matching by
 * e-mail is refused when the provider says the address is not verified ({@code email_verified: false}),
 * since anyone may type any address into a provider's profile.
 */
final class UpstreamClaims {
    static final String PROTOCOL = "oidc";

    private UpstreamClaims() {
    }

    sealed interface Result {
    }

    record Mapped(UpstreamIdentity identity) implements Result {
    }

    record Refused(OidcRefusal refusal) implements Result {
    }

    static Result of(IDTokenClaimsSet claims, IdentitySource.OidcProvider source) {
        Optional<String> value = text(claims.getClaim(source.userClaim()));
        if (value.isEmpty()) {
            return new Refused(OidcRefusal.NO_USER_CLAIM);
        }
        if (source.match() == IdentitySource.UserMatch.EMAIL && Boolean.FALSE.equals(claims.getClaim("email_verified"))) {
            return new Refused(OidcRefusal.EMAIL_NOT_VERIFIED);
        }
        List<String> groups = source.groupsClaim().map(name -> groups(claims.getClaim(name))).orElse(List.of());
        UpstreamIdentity.Profile profile = new UpstreamIdentity.Profile(text(claims.getClaim("name")),
                text(claims.getClaim("given_name")), text(claims.getClaim("family_name")),
                text(claims.getClaim("email")));
        return new Mapped(new UpstreamIdentity(PROTOCOL, claims.getIssuer().getValue(), claims.getSubject().getValue(),
                value.get(), groups, profile));
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> names) {
            return names.stream().map(UpstreamClaims::text).flatMap(Optional::stream).map(UpstreamClaims::leaf).toList();
        }
        return text(claim).map(UpstreamClaims::leaf).map(List::of).orElse(List.of());
    }

    /** Keycloak's group mapper sends full paths ("/staff/admins") unless told not to: the group is the last part. */
    private static String leaf(String name) {
        int slash = name.lastIndexOf('/');
        return name.startsWith("/") && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }
}
