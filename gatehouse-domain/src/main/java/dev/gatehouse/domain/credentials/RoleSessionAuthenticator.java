package dev.gatehouse.domain.credentials;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSessions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Decides who signed a SigV4 request with role credentials that {@link CredentialIssuer} issued,
 * checking, in this order: the form of the signing time, the credential scope, the clock skew, that
 * the access key and its session token belong together, that the credentials have not expired, the
 * signature, that an admin has not ended the role session, and — for permission sets that opt in
 * with {@code revokeRoleSessionsOnLogout} — that the sign-in session the credentials came from has
 * not been ended. The messages are those STS
 * sends; the server's wire format gives the codes STS's names.
 */
public final class RoleSessionAuthenticator {
    /** How far the signing time may be from ours, either way (AWS's limit). */
    public static final Duration MAX_SKEW = SignatureChecks.MAX_SKEW;
    public static final String SERVICE = "sts";
    public static final String INVALID_TOKEN = "The security token included in the request is invalid";
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    public static final String WRONG_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final CredentialIssuer issuer;
    private final SignInSessions sessions;
    private final Directory directory;
    private final ReservedRoles roles;
    private final InstantSource clock;

    public RoleSessionAuthenticator(CredentialIssuer issuer, SignInSessions sessions, Directory directory,
                                    ReservedRoles roles, InstantSource clock) {
        this.issuer = issuer;
        this.sessions = sessions;
        this.directory = directory;
        this.roles = roles;
        this.clock = clock;
    }

    public CallerIdentity authenticate(SignedRequest request) {
        SignatureChecks.checkTimeAndScope(request, SERVICE, clock.instant());
        RoleSession session = request.sessionToken()
                .flatMap(token -> issuer.find(request.accessKeyId(), token))
                .orElseThrow(() -> new GatehouseException(ErrorCode.UNKNOWN_ACCESS_KEY, INVALID_TOKEN));
        // As in AWS, whose session token carries its own expiry: an expired token is said so
        // before the signature is looked at.
        if (!clock.instant().isBefore(session.expiresAt())) {
            throw new GatehouseException(ErrorCode.EXPIRED_TOKEN, EXPIRED_TOKEN);
        }
        String expected = SigV4.signature(issuer.secretFor(request.accessKeyId()), request.scope(),
                request.amzDate(), request.canonicalRequest());
        if (!SigV4.sameSignature(expected, request.signature())) {
            throw new GatehouseException(ErrorCode.SIGNATURE_MISMATCH, WRONG_SIGNATURE);
        }
        if (session.endedAt().isPresent() || revokedByLogout(session)) {
            // Beyond AWS: ended by an admin, or opt-in on Logout. AWS answers InvalidClientTokenId for credentials whose session it no
            // longer honours at all (a deleted role or key); ExpiredToken would claim the expiry time
            // has passed, which it has not. Either way stock clients stop and fetch new credentials.
            throw new GatehouseException(ErrorCode.UNKNOWN_ACCESS_KEY, INVALID_TOKEN);
        }
        return CallerIdentity.of(roles.of(session.accountId(), session.roleName()), session.userName());
    }

    private boolean revokedByLogout(RoleSession session) {
        boolean optedIn = directory.permissionSet(session.roleName())
                .map(PermissionSet::revokeRoleSessionsOnLogout)
                .orElse(false);
        return optedIn && sessions.ended(session.signInSessionId());
    }

    /** An instant as SigV4 writes it: {@code yyyyMMdd'T'HHmmss'Z'}. */
    public static String format(Instant instant) {
        return SignatureChecks.format(instant);
    }
}
