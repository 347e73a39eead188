package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS GetCallerIdentity as the stock AWS SDK for Java v2 sees it, signing (SigV4) with the role
 * credentials that GetRoleCredentials issued. The SDK signs by the test's clock, so that moving it
 * moves the service and its callers together.
 */
class StsSdkTest {
    private static final String ARN = "arn:aws:sts::%s:assumed-role/AWSReservedSSO_%s_[0-9a-f]{16}/%s";

    @TempDir
    Path dataDir;
    TestService service;
    SsoClient sso;

    @BeforeEach
    void start() {
        service = new TestService(dataDir, TestDirectory.revokingOnLogout());
        sso = service.sdkClient();
    }

    @AfterEach
    void stop() {
        sso.close();
        service.close();
        SdkGlobalTime.setGlobalTimeOffset(0); // the SDK keeps a clock correction JVM-wide
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RoleCredentials roleCredentials(String accessToken, String account, String role) {
        return sso.getRoleCredentials(r -> r.accessToken(accessToken).accountId(account).roleName(role))
                .roleCredentials();
    }

    private static AwsSessionCredentials sessionCredentials(RoleCredentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private GetCallerIdentityResponse callerIdentity(AwsCredentials credentials) {
        return callerIdentity(credentials, service.clock);
    }

    private GetCallerIdentityResponse callerIdentity(AwsCredentials credentials, InstantSource signingClock) {
        try (StsClient sts = StockSdk.sts(service.baseUrl(), credentials, signingClock)) {
            return sts.getCallerIdentity();
        }
    }

    private static void assertStsError(ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    private static void assertInvalidClientTokenId(ThrowingCallable call) {
        assertStsError(call, 403, "InvalidClientTokenId", "The security token included in the request is invalid");
    }

    // ---- the caller's identity -----------------------------------------------------------------

    @Test
    void callerIdentityIsTheAssumedReservedRoleNamedForTheUser() {
        String token = service.signIn("alice");
        RoleCredentials credentials = roleCredentials(token, TestDirectory.PROD, "AdministratorAccess");

        GetCallerIdentityResponse identity = callerIdentity(sessionCredentials(credentials));

        assertThat(identity.account()).isEqualTo(TestDirectory.PROD);
        assertThat(identity.arn()).matches(ARN.formatted(TestDirectory.PROD, "AdministratorAccess", "alice"));
        assertThat(identity.userId()).matches("AROA[A-Z2-7]{17}:alice");
        assertThat(identity.responseMetadata().requestId())
                .isEqualTo(identity.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId").orElseThrow());
        assertThat(identity.sdkHttpResponse().firstMatchingHeader("Content-Type")).hasValue("text/xml");
    }

    @Test
    void roleNameAndIdAreStablePerAccountAndPermissionSet() {
        GetCallerIdentityResponse first = callerIdentity(sessionCredentials(
                roleCredentials(service.signIn("alice"), TestDirectory.PROD, "AdministratorAccess")));
        GetCallerIdentityResponse again = callerIdentity(sessionCredentials(
                roleCredentials(service.signIn("tom"), TestDirectory.PROD, "AdministratorAccess")));
        GetCallerIdentityResponse otherRole = callerIdentity(sessionCredentials(
                roleCredentials(service.signIn("alice"), TestDirectory.PROD, "ReadOnlyAccess")));
        GetCallerIdentityResponse otherAccount = callerIdentity(sessionCredentials(
                roleCredentials(service.signIn("alice"), TestDirectory.DEV, "AdministratorAccess")));

        Function<GetCallerIdentityResponse, String> roleName = r -> r.arn().split("/")[1];
        Function<GetCallerIdentityResponse, String> roleId = r -> r.userId().split(":")[0];
        assertThat(again.arn()).isEqualTo(first.arn().replace("/alice", "/tom"));
        assertThat(roleId.apply(again)).isEqualTo(roleId.apply(first));
        assertThat(roleName.apply(otherRole)).startsWith("AWSReservedSSO_ReadOnlyAccess_");
        assertThat(roleId.apply(otherRole)).isNotEqualTo(roleId.apply(first));
        assertThat(roleName.apply(otherAccount)).isNotEqualTo(roleName.apply(first));
        assertThat(roleId.apply(otherAccount)).isNotEqualTo(roleId.apply(first));
    }

    @Test
    void aClientConfiguredForAnotherRegionIsAnsweredToo() {
        RoleCredentials credentials = roleCredentials(service.signIn("alice"), TestDirectory.PROD, "AdministratorAccess");
        try (StsClient sts = StsClient.builder().region(Region.EU_CENTRAL_1).endpointOverride(service.baseUrl())
                .credentialsProvider(() -> sessionCredentials(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(TestDirectory.PROD);
        }
    }

    // ---- what Logout does to role sessions -----------------------------------------------------

    /** Proved by what STS answers to a call signed with them, not by a stored record. */
    @Test
    void credentialsIssuedBeforeLogoutWorkUntilTheyExpireAsInAws() {
        String token = service.signIn("alice");
        AwsSessionCredentials credentials = sessionCredentials(
                roleCredentials(token, TestDirectory.PROD, "AdministratorAccess")); // PT1H
        sso.logout(r -> r.accessToken(token));
        assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token))).as("the Logout took effect")
                .isInstanceOf(UnauthorizedException.class);

        assertThat(callerIdentity(credentials).arn()).endsWith("/alice");
        service.clock.advance(Duration.ofMinutes(59));
        assertThat(callerIdentity(credentials).arn()).endsWith("/alice");

        service.clock.advance(Duration.ofMinutes(1));
        // STS's answer is 403 ExpiredToken; the SDK models only ExpiredTokenException (400, the
        // web-identity-token error), so it surfaces as the generic StsException, as against AWS.
        assertThatThrownBy(() -> callerIdentity(credentials)).isNotInstanceOf(ExpiredTokenException.class);
        assertStsError(() -> callerIdentity(credentials), 403, "ExpiredToken",
                "The security token included in the request is expired");
    }

    @Test
    void optedInPermissionSetEndsItsRoleSessionsWithTheLogout() {
        String token = service.signIn("alice");
        String otherSession = service.signIn("alice");
        AwsSessionCredentials revocable = sessionCredentials(
                roleCredentials(token, TestDirectory.DEV, TestDirectory.REVOKED_ON_LOGOUT));
        AwsSessionCredentials lasting = sessionCredentials(roleCredentials(token, TestDirectory.DEV, "AdministratorAccess"));
        AwsSessionCredentials ofOtherSession = sessionCredentials(
                roleCredentials(otherSession, TestDirectory.DEV, TestDirectory.REVOKED_ON_LOGOUT));
        assertThat(callerIdentity(revocable).arn())
                .matches(ARN.formatted(TestDirectory.DEV, TestDirectory.REVOKED_ON_LOGOUT, "alice"));

        sso.logout(r -> r.accessToken(token));

        assertInvalidClientTokenId(() -> callerIdentity(revocable));
        assertThat(callerIdentity(lasting).account()).isEqualTo(TestDirectory.DEV);
        assertThat(callerIdentity(ofOtherSession).account()).isEqualTo(TestDirectory.DEV);
    }

    @Test
    void optedInRoleSessionsOutliveASignInSessionThatMerelyRunsOut() {
        var session = service.session("alice");
        service.clock.advance(Duration.ofHours(7).plusMinutes(30));
        AwsSessionCredentials credentials = sessionCredentials(roleCredentials(service.accessToken(session),
                TestDirectory.DEV, TestDirectory.REVOKED_ON_LOGOUT));
        service.clock.advance(Duration.ofMinutes(45)); // the 8-hour sign-in session is over, not logged out
        assertThat(callerIdentity(credentials).account()).isEqualTo(TestDirectory.DEV);
    }

    // ---- errors ----------------------------------------------------------------------------------

    @Test
    void wrongSecretIsASignatureMismatch() {
        RoleCredentials c = roleCredentials(service.signIn("alice"), TestDirectory.PROD, "AdministratorAccess");
        String wrongSecret = (c.secretAccessKey().charAt(0) == 'A' ? "B" : "A") + c.secretAccessKey().substring(1);
        assertStsError(() -> callerIdentity(AwsSessionCredentials.create(c.accessKeyId(), wrongSecret, c.sessionToken())),
                403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void unknownKeyOrAWrongMissingOrTamperedSessionTokenIsAnInvalidClientTokenId() {
        String token = service.signIn("alice");
        RoleCredentials c = roleCredentials(token, TestDirectory.PROD, "AdministratorAccess");
        RoleCredentials other = roleCredentials(token, TestDirectory.PROD, "ReadOnlyAccess");
        String tampered = c.sessionToken().substring(0, 10) + (c.sessionToken().charAt(10) == 'x' ? 'y' : 'x')
                + c.sessionToken().substring(11);

        assertInvalidClientTokenId(() -> callerIdentity(AwsSessionCredentials.create(
                "ASIAAAAAAAAAAAAAAAAA", c.secretAccessKey(), c.sessionToken())));
        assertInvalidClientTokenId(() -> callerIdentity(AwsSessionCredentials.create(
                c.accessKeyId(), c.secretAccessKey(), tampered)));
        assertInvalidClientTokenId(() -> callerIdentity(AwsSessionCredentials.create(
                c.accessKeyId(), c.secretAccessKey(), other.sessionToken())));
        assertInvalidClientTokenId(() -> callerIdentity(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())));
        assertInvalidClientTokenId(() -> callerIdentity(AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
    }

    @Test
    void aClockMoreThanFifteenMinutesOffIsTold() {
        AwsSessionCredentials credentials = sessionCredentials(
                roleCredentials(service.signIn("alice"), TestDirectory.PROD, "AdministratorAccess"));
        InstantSource behind = () -> service.clock.instant().minus(Duration.ofMinutes(16));
        InstantSource ahead = () -> service.clock.instant().plus(Duration.ofMinutes(16));
        InstantSource justWithin = () -> service.clock.instant().minus(Duration.ofMinutes(14));

        assertStsError(() -> callerIdentity(credentials, behind), 403, "SignatureDoesNotMatch", "Signature expired: ");
        assertStsError(() -> callerIdentity(credentials, ahead), 403, "SignatureDoesNotMatch", "Signature not yet current: ");
        assertThat(callerIdentity(credentials, justWithin).account()).isEqualTo(TestDirectory.PROD);
    }

    @Test
    void theStockSdkCorrectsItsClockFromTheServiceDateAndRetries() {
        AwsSessionCredentials credentials = sessionCredentials(
                roleCredentials(service.signIn("alice"), TestDirectory.PROD, "AdministratorAccess"));
        service.clock.advance(Duration.ofMinutes(20)); // the SDK signs by the system clock here

        try (StsClient sts = StockSdk.sts(service.baseUrl(), credentials, o -> o.retryPolicy(RetryMode.STANDARD))) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertThat(identity.account()).isEqualTo(TestDirectory.PROD);
            assertThat(identity.sdkHttpResponse().firstMatchingHeader("Date")).isPresent();
        }
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(service.baseUrl())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertStsError(sts::getCallerIdentity, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
    }
}
