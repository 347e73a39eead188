package dev.gatehouse.domain.credentials;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The checks every SigV4-signed request passes before its key and signature are looked at, in AWS's
 * order and words: the form of the signing time, the credential scope (terminator, service, region,
 * date), and the clock skew. Shared by role credentials (STS) and admin keys (identitystore, sso-admin).
 */
public final class SignatureChecks {
    /** How far the signing time may be from ours, either way (AWS's limit). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1, ... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private SignatureChecks() {
    }

    /** Checks the signing time's form, the scope for {@code service}, and the skew from {@code now}. */
    public static void checkTimeAndScope(SignedRequest request, String service, Instant now) {
        Instant signedAt = signingTime(request.amzDate());
        checkScope(request.scope(), request.amzDate(), service);
        checkSkew(signedAt, request.amzDate(), now);
    }

    private static void checkScope(SigV4.Scope scope, String amzDate, String service) {
        if (!scope.terminator().equals(SigV4.TERMINATOR)) {
            throw mismatch("Credential should be scoped with a valid terminator: '" + SigV4.TERMINATOR + "', not '"
                    + scope.terminator() + "'. ");
        }
        if (!scope.service().equals(service)) {
            throw mismatch("Credential should be scoped to correct service: '" + service + "'. ");
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

    private static void checkSkew(Instant signedAt, String amzDate, Instant now) {
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
