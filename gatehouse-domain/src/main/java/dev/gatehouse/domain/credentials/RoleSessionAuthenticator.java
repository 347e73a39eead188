package dev.gatehouse.domain.credentials;

import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSessions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Decides who signed a SigV4 request with role credentials that {@link CredentialIssuer} issued,
 * checking, in this order: the form of the signing time, the credential scope, the clock skew, that
 * the access key and its session token belong together, that the credentials have not expired, the
 * signature, and — for permission sets that opt in with {@code revokeRoleSessionsOnLogout} — that
 * the sign-in session the credentials came from has not been ended. The messages are those STS
 * sends; the server's wire format gives the codes STS's names.
 */
public final class RoleSessionAuthenticator {
    /** How far the signing time may be from ours, either way (AWS's limit). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    public static final String SERVICE = "sts";
    static final String INVALID_TOKEN = "The security token included in the request is invalid";
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    static final String WRONG_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1, ... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

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
        Instant signedAt = signingTime(request.amzDate());
        checkScope(request.scope(), request.amzDate());
        checkSkew(signedAt, request.amzDate());
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
        if (revokedByLogout(session)) {
            // Beyond AWS, opt-in. AWS answers InvalidClientTokenId for credentials whose session it no
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

    private static void checkScope(SigV4.Scope scope, String amzDate) {
        if (!scope.terminator().equals(SigV4.TERMINATOR)) {
            throw mismatch("Credential should be scoped with a valid terminator: '" + SigV4.TERMINATOR + "', not '"
                    + scope.terminator() + "'. ");
        }
        if (!scope.service().equals(SERVICE)) {
            throw mismatch("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!REGION.matcher(scope.region()).matches()) {
            throw mismatch("Credential should be scoped to a valid region. ");
        }
        String day = amzDate.substring(0, Math.min(8, amzDate.length()));
        if (!day.equals(scope.date())) {
            throw mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + scope.date() + "' != '" + day + "', from '" + amzDate + "'.");
        }
    }

    private static Instant signingTime(String amzDate) {
        try {
            return AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new GatehouseException(ErrorCode.MALFORMED_SIGNATURE,
                    "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private void checkSkew(Instant signedAt, String amzDate) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw mismatch("Signature expired: " + amzDate + " is now earlier than " + format(now.minus(MAX_SKEW))
                    + " (" + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw mismatch("Signature not yet current: " + amzDate + " is still later than " + format(now.plus(MAX_SKEW))
                    + " (" + format(now) + " + 15 min.)");
        }
    }

    /** An instant as SigV4 writes it: {@code yyyyMMdd'T'HHmmss'Z'}. */
    public static String format(Instant instant) {
        return AMZ_DATE.format(instant);
    }

    private static GatehouseException mismatch(String message) {
        return new GatehouseException(ErrorCode.SIGNATURE_MISMATCH, message);
    }
}
