package dev.gatehouse.domain.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where users prove who they are: Gatehouse's own directory (passwords and TOTP), or an external
 * identity provider over SAML 2.0 or OpenID Connect. Set in the directory file; changing it keeps
 * the sign-in sessions that exist.
 */
public sealed interface IdentitySource {

    /** Gatehouse's own directory: the sign-in page asks for a password (and a TOTP code). */
    record OwnDirectory() implements IdentitySource {
    }

    /** How an upstream identity names the Gatehouse user, as IAM Identity Center matches: by user name or e-mail. */
    enum UserMatch { USER_NAME, EMAIL }

    /**
     * An OpenID Connect provider (authorization code with PKCE).
     *
     * @param issuer          the provider's issuer; discovery at {@code issuer/.well-known/openid-configuration}
     * @param userClaim       the ID token claim whose value is matched (e.g. {@code preferred_username}, {@code email})
     * @param groupsClaim     the claim listing group names, for just-in-time users
     * @param justInTimeUsers a user who signs in upstream and is not in the directory is made on first sign-in
     */
    record OidcProvider(URI issuer, String clientId, Optional<String> clientSecret, List<String> scopes,
                        String userClaim, UserMatch match, Optional<String> groupsClaim, boolean justInTimeUsers)
            implements IdentitySource {
        public OidcProvider {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * A SAML 2.0 identity provider, Gatehouse being the service provider (metadata at {@code /saml/metadata}).
     *
     * @param idpMetadata     the IdP's metadata XML (entity id, SSO URL, signing certificates)
     * @param groupsAttribute the assertion attribute listing group names, for just-in-time users
     * @param clockSkew       how far the IdP's clock may be from ours when checking time conditions
     * @param spEntityId      Gatehouse's entity id at the IdP (the audience of its assertions); empty:
     *                        {@code <service URL>/saml/metadata}
     */
    record SamlProvider(String idpMetadata, UserMatch match, Optional<String> groupsAttribute,
                        boolean justInTimeUsers, Duration clockSkew, Optional<String> spEntityId)
            implements IdentitySource {

        /** With the default entity id, {@code <service URL>/saml/metadata}. */
        public SamlProvider(String idpMetadata, UserMatch match, Optional<String> groupsAttribute,
                            boolean justInTimeUsers, Duration clockSkew) {
            this(idpMetadata, match, groupsAttribute, justInTimeUsers, clockSkew, Optional.empty());
        }
    }
}
