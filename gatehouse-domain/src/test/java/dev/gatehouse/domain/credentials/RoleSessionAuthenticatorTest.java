package dev.gatehouse.domain.credentials;

import static dev.gatehouse.domain.DomainFixture.ACCOUNT_1;
import static dev.gatehouse.domain.DomainFixture.ACCOUNT_3;
import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.session.SignInSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who signed an STS request: each check of {@link RoleSessionAuthenticator}, and that they come in
 * the documented order (form of the date, scope, skew, key and token, expiry, signature, revocation).
 */
class RoleSessionAuthenticatorTest {
    private static final String CANONICAL = "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:sts\n\n"
            + "content-type;host\n" + SigV4.sha256Hex("Action=GetCallerIdentity&Version=2011-06-15".getBytes());

    private final DomainFixture world = new DomainFixture();
    private final RoleSessionAuthenticator authenticator = world.gatehouse.roleSessions();
    private final CredentialIssuer issuer = world.gatehouse.credentials();
    private final SignInSession session = world.signIn(world.ann);
    private final PermissionSet admin = world.directory.permissionSet("Admin").orElseThrow();
    private final RoleCredentials credentials = issuer.issue(session, "ann", ACCOUNT_1, admin);

    /** A request signed now with these credentials, as a stock SDK would sign it. */
    private SignedRequest signed(RoleCredentials with, Instant at, String region, String service) {
        String amzDate = RoleSessionAuthenticator.format(at);
        SigV4.Scope scope = new SigV4.Scope(amzDate.substring(0, 8), region, service, SigV4.TERMINATOR);
        return new SignedRequest(with.accessKeyId(), scope, amzDate, Optional.of(with.sessionToken()), CANONICAL,
                SigV4.signature(with.secretAccessKey(), scope, amzDate, CANONICAL));
    }

    private SignedRequest signedNow() {
        return signed(credentials, world.clock.instant(), "us-east-1", "sts");
    }

    private static SignedRequest withSignature(SignedRequest r, String signature) {
        return new SignedRequest(r.accessKeyId(), r.scope(), r.amzDate(), r.sessionToken(), r.canonicalRequest(), signature);
    }

    private static SignedRequest withDate(SignedRequest r, String amzDate) {
        return new SignedRequest(r.accessKeyId(), r.scope(), amzDate, r.sessionToken(), r.canonicalRequest(), r.signature());
    }

    private static SignedRequest withScope(SignedRequest r, SigV4.Scope scope) {
        return new SignedRequest(r.accessKeyId(), scope, r.amzDate(), r.sessionToken(), r.canonicalRequest(), r.signature());
    }

    private static SignedRequest withToken(SignedRequest r, Optional<String> token) {
        return new SignedRequest(r.accessKeyId(), r.scope(), r.amzDate(), token, r.canonicalRequest(), r.signature());
    }

    private static String flipped(String signature) {
        char first = signature.charAt(0);
        return (first == 'a' ? 'b' : 'a') + signature.substring(1);
    }

    @Test
    void aGoodSignatureNamesTheAssumedRoleAndTheUser() {
        CallerIdentity identity = authenticator.authenticate(signedNow());
        ReservedRoles.Role role = new ReservedRoles(world.store.instanceKey()).of(ACCOUNT_1, "Admin");
        assertThat(identity.account()).isEqualTo(ACCOUNT_1);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT_1 + ":assumed-role/" + role.name() + "/ann");
        assertThat(identity.userId()).isEqualTo(role.id() + ":ann");
    }

    @Test
    void anyRegionOfTheRightShapeIsAccepted() {
        for (String region : new String[] {"eu-central-2", "us-gov-west-1", "cn-north-1", "us-isob-east-1"}) {
            assertThat(authenticator.authenticate(signed(credentials, world.clock.instant(), region, "sts")).account())
                    .isEqualTo(ACCOUNT_1);
        }
    }

    @Test
    void aDateNotInBasicFormatIsAnIncompleteSignatureBeforeAnythingElse() {
        SignedRequest bad = withScope(withDate(signedNow(), "2026-11-24T12:00:00Z"),
                new SigV4.Scope("20261124", "nowhere", "s3", "aws4"));
        assertFails(ErrorCode.MALFORMED_SIGNATURE, () -> authenticator.authenticate(bad));
        assertFails(ErrorCode.MALFORMED_SIGNATURE, () -> authenticator.authenticate(withDate(signedNow(), "20261131T120000Z")));
        assertFails(ErrorCode.MALFORMED_SIGNATURE, () -> authenticator.authenticate(withDate(signedNow(), "")));
    }

    @Test
    void eachPartOfTheScopeIsChecked() {
        SignedRequest good = signedNow();
        SigV4.Scope scope = good.scope();
        for (SigV4.Scope wrong : new SigV4.Scope[] {
                new SigV4.Scope(scope.date(), scope.region(), scope.service(), "aws4_reques"),
                new SigV4.Scope(scope.date(), scope.region(), "iam", scope.terminator()),
                new SigV4.Scope(scope.date(), "us-east", scope.service(), scope.terminator()),
                new SigV4.Scope(scope.date(), "US-EAST-1", scope.service(), scope.terminator()),
                new SigV4.Scope("20261123", scope.region(), scope.service(), scope.terminator())}) {
            assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(withScope(good, wrong)));
        }
    }

    @Test
    void theScopesDateIsTheWholeDayOfTheSigningTimeNotAPrefixOfIt() {
        // signed properly under the short scope, so that only the date rule can refuse it
        for (String prefix : new String[] {"2026112", "202611", "2026"}) {
            String amzDate = RoleSessionAuthenticator.format(world.clock.instant());
            SigV4.Scope scope = new SigV4.Scope(prefix, "us-east-1", "sts", SigV4.TERMINATOR);
            SignedRequest request = new SignedRequest(credentials.accessKeyId(), scope, amzDate,
                    Optional.of(credentials.sessionToken()), CANONICAL,
                    SigV4.signature(credentials.secretAccessKey(), scope, amzDate, CANONICAL));
            assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(request));
        }
    }

    @Test
    void theScopeIsCheckedBeforeTheKey() {
        SignedRequest unknownKeyWrongService = new SignedRequest("ASIAUNKNOWNUNKNOWN12",
                new SigV4.Scope("20261124", "us-east-1", "iam", SigV4.TERMINATOR), "20261124T120000Z",
                Optional.of("token"), CANONICAL, "00");
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(unknownKeyWrongService));
    }

    @Test
    void fifteenMinutesOfSkewEitherWayAreAcceptedNotASecondMore() {
        Instant now = world.clock.instant();
        Duration skew = RoleSessionAuthenticator.MAX_SKEW;
        assertThat(authenticator.authenticate(signed(credentials, now.minus(skew), "us-east-1", "sts"))).isNotNull();
        assertThat(authenticator.authenticate(signed(credentials, now.plus(skew), "us-east-1", "sts"))).isNotNull();
        SignedRequest tooOld = signed(credentials, now.minus(skew).minusSeconds(1), "us-east-1", "sts");
        SignedRequest tooNew = signed(credentials, now.plus(skew).plusSeconds(1), "us-east-1", "sts");
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(tooOld));
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(tooNew));
    }

    @Test
    void theSkewIsCheckedBeforeTheKey() {
        SignedRequest old = signed(credentials, world.clock.instant().minus(Duration.ofHours(1)), "us-east-1", "sts");
        assertFails(ErrorCode.SIGNATURE_MISMATCH,
                () -> authenticator.authenticate(withToken(old, Optional.of("not the token"))));
    }

    @Test
    void theKeyAndItsSessionTokenMustBelongTogether() {
        RoleCredentials other = issuer.issue(session, "ann", ACCOUNT_1, admin);
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY, () -> authenticator.authenticate(withToken(signedNow(), Optional.empty())));
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY,
                () -> authenticator.authenticate(withToken(signedNow(), Optional.of(other.sessionToken()))));
        RoleCredentials unknown = new RoleCredentials("ASIA" + "A".repeat(16), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration());
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY,
                () -> authenticator.authenticate(signed(unknown, world.clock.instant(), "us-east-1", "sts")));
    }

    @Test
    void credentialsWorkUpToTheirExpiryAndNotAtIt() {
        world.advance(admin.sessionDuration().minusSeconds(1));
        assertThat(authenticator.authenticate(signedNow())).isNotNull();
        world.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> authenticator.authenticate(signedNow()));
    }

    @Test
    void expiryIsSaidBeforeTheSignatureIsLookedAt() {
        world.advance(admin.sessionDuration());
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> authenticator.authenticate(withSignature(signedNow(), "0".repeat(64))));
    }

    @Test
    void aWrongSignatureDoesNotMatch() {
        SignedRequest good = signedNow();
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(withSignature(good, flipped(good.signature()))));
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(withSignature(good, "")));
        assertFails(ErrorCode.SIGNATURE_MISMATCH,
                () -> authenticator.authenticate(withSignature(good, good.signature().toUpperCase())));
        SignedRequest otherBody = new SignedRequest(good.accessKeyId(), good.scope(), good.amzDate(), good.sessionToken(),
                good.canonicalRequest() + "0", good.signature());
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(otherBody));
    }

    @Test
    void aSignatureMadeWithAnotherKeysSecretDoesNotMatch() {
        RoleCredentials other = issuer.issue(session, "ann", ACCOUNT_1, admin);
        RoleCredentials mixed = new RoleCredentials(credentials.accessKeyId(), other.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration());
        assertFails(ErrorCode.SIGNATURE_MISMATCH,
                () -> authenticator.authenticate(signed(mixed, world.clock.instant(), "us-east-1", "sts")));
    }

    @Test
    void credentialsOutliveLogoutUnlessThePermissionSetOptsIn() {
        PermissionSet audit = world.directory.permissionSet("Audit").orElseThrow();
        RoleCredentials revocable = issuer.issue(session, "ann", ACCOUNT_3, audit);
        SignedRequest auditRequest = signed(revocable, world.clock.instant(), "us-east-1", "sts");
        assertThat(authenticator.authenticate(auditRequest).account()).isEqualTo(ACCOUNT_3);
        world.gatehouse.sessions().end(session.id());
        assertThat(authenticator.authenticate(signedNow()).account()).as("as in AWS").isEqualTo(ACCOUNT_1);
        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY, () -> authenticator.authenticate(auditRequest));
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(
                withSignature(auditRequest, flipped(auditRequest.signature()))));
    }

    @Test
    void aRoleSessionEndedByAnAdminIsRefusedWhateverThePermissionSetAfterTheSignatureAndExpiry() {
        SignedRequest request = signedNow();
        world.store.endRoleSession(credentials.accessKeyId(), world.clock.instant());
        assertThat(world.gatehouse.sessions().active(session.id())).as("the sign-in session lives on").isPresent();

        assertFails(ErrorCode.UNKNOWN_ACCESS_KEY, () -> authenticator.authenticate(request));
        assertFails(ErrorCode.SIGNATURE_MISMATCH, () -> authenticator.authenticate(
                withSignature(request, flipped(request.signature()))));
        world.advance(admin.sessionDuration());
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> authenticator.authenticate(signedNow()));
    }

    @Test
    void endingOneRoleSessionLeavesTheOthersOfTheSameSignInSessionAlone() {
        RoleCredentials other = issuer.issue(session, "ann", ACCOUNT_1, admin);
        world.store.endRoleSession(credentials.accessKeyId(), world.clock.instant());
        assertThat(authenticator.authenticate(signed(other, world.clock.instant(), "us-east-1", "sts")).account())
                .isEqualTo(ACCOUNT_1);
    }

    @Test
    void aSessionThatMerelyRanOutDoesNotRevoke() {
        PermissionSet audit = world.directory.permissionSet("Audit").orElseThrow();
        world.advance(DomainFixture.SESSION.minusMinutes(30));
        RoleCredentials revocable = issuer.issue(session, "ann", ACCOUNT_3, audit);
        world.advance(Duration.ofMinutes(30));
        assertThat(world.gatehouse.sessions().active(session.id())).isEmpty();
        assertThat(authenticator.authenticate(signed(revocable, world.clock.instant(), "us-east-1", "sts")).account())
                .isEqualTo(ACCOUNT_3);
    }
}
