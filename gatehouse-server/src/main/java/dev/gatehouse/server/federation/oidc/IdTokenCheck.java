package dev.gatehouse.server.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an ID token with Nimbus's {@link IDTokenValidator}: the signature with one of the provider's
 * keys (an asymmetric algorithm the provider announces; never {@code none} nor a shared-secret HMAC),
 * then the issuer, the audience (our client id, and {@code azp} when there are several), the nonce
 * of this browser's sign-in, and the expiry and issue time with {@link #CLOCK_SKEW}. The validator
 * decides; only when it refuses are the token's claims read again, to name in the audit trail which
 * check failed (and the validator's words, which hold no secret, go to the log). Nimbus reads the time
 * from the system clock.
 */
final class IdTokenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(IdTokenCheck.class);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ASYMMETRIC = new HashSet<>();

    static {
        ASYMMETRIC.addAll(JWSAlgorithm.Family.RSA);
        ASYMMETRIC.addAll(JWSAlgorithm.Family.EC);
        ASYMMETRIC.addAll(JWSAlgorithm.Family.ED);
    }

    private IdTokenCheck() {
    }

    /** The checked claims, or the refusal naming the first check that failed. */
    sealed interface Result {
    }

    record Valid(IDTokenClaimsSet claims) implements Result {
    }

    record Refused(OidcRefusal refusal) implements Result {
    }

    static Result check(JWT idToken, ProviderDiscovery.Discovered provider, ClientID clientId, Nonce expectedNonce) {
        List<JWSAlgorithm> offered = provider.metadata().getIDTokenJWSAlgs();
        Set<JWSAlgorithm> algorithms = new HashSet<>(offered == null ? List.of(JWSAlgorithm.RS256) : offered);
        algorithms.retainAll(ASYMMETRIC);
        if (algorithms.isEmpty()) {
            return new Refused(OidcRefusal.BAD_SIGNATURE);
        }
        IDTokenValidator validator = new IDTokenValidator(provider.metadata().getIssuer(), clientId,
                new JWSVerificationKeySelector<SecurityContext>(algorithms, provider.keys()), null);
        validator.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        try {
            return new Valid(validator.validate(idToken, expectedNonce));
        } catch (BadJWTException claimsRefused) {
            LOG.info("ID token refused: {}", claimsRefused.getMessage());
            return new Refused(whichClaim(idToken, provider, clientId, expectedNonce));
        } catch (BadJOSEException | JOSEException signatureRefused) {
            LOG.info("ID token refused: {}", signatureRefused.toString());
            return new Refused(OidcRefusal.BAD_SIGNATURE);
        }
    }

    /** The first claim check (in the validator's order) that the token fails; its signature was good. */
    private static OidcRefusal whichClaim(JWT idToken, ProviderDiscovery.Discovered provider, ClientID clientId,
                                          Nonce expectedNonce) {
        try {
            JWTClaimsSet claims = idToken.getJWTClaimsSet();
            if (!provider.metadata().getIssuer().getValue().equals(claims.getIssuer())) {
                return OidcRefusal.WRONG_ISSUER;
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(clientId.getValue())) {
                return OidcRefusal.WRONG_AUDIENCE;
            }
            Date expires = claims.getExpirationTime();
            if (expires != null && expires.toInstant().plus(CLOCK_SKEW).isBefore(java.time.Instant.now())) {
                return OidcRefusal.EXPIRED;
            }
            if (!expectedNonce.getValue().equals(claims.getStringClaim("nonce"))) {
                return OidcRefusal.WRONG_NONCE;
            }
            return OidcRefusal.INVALID_TOKEN;
        } catch (ParseException e) {
            return OidcRefusal.INVALID_TOKEN;
        }
    }
}
