package dev.gatehouse.domain.signin;

import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.audit.RecordedAudit;
import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileAssignment;
import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.signin.SignIn.Attempt;
import dev.gatehouse.domain.signin.SignIn.NeedsCode;
import dev.gatehouse.domain.signin.SignIn.Outcome;
import dev.gatehouse.domain.signin.SignIn.Rejected;
import dev.gatehouse.domain.signin.SignIn.SignedIn;
import dev.gatehouse.domain.signin.SignIn.Throttled;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.token.TokenKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInTest {
    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String HASH = Passwords.hash("right password");
    /** The browser key of the attempts (its CSRF cookie in the service). */
    private static final String BROWSER = "browser-one";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:05Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = instance();
    private final RecordedAudit audit = RecordedAudit.on(gatehouse.audit());

    private Gatehouse instance() {
        return Gatehouse.create(new DirectoryFile("us-east-1", Duration.ofHours(8),
                List.of(new FileUser("ann", HASH, "ann@example.com", "Ann", Set.of(), Optional.empty()),
                        new FileUser("tom", HASH, "tom@example.com", "Tom", Set.of(), Optional.of(SECRET))),
                List.of(new Account("111111111111", "A", "a@example.com")),
                List.of(new FilePermissionSet("Admin", Duration.ofHours(1))),
                List.of(FileAssignment.toUser("111111111111", "Admin", "ann"))),
                new InMemoryStore(store.data()), clock);
    }

    private Outcome attempt(String user, String password) {
        return attempt(user, password, null, null, "10.0.0.1");
    }

    private Outcome attempt(String user, String password, String otp, String ticket, String address) {
        return attempt(user, password, otp, ticket, address, BROWSER);
    }

    private Outcome attempt(String user, String password, String otp, String ticket, String address, String browser) {
        return gatehouse.signIn().attempt(new Attempt(user, password, otp, ticket, address, browser));
    }

    @Test
    void rightPasswordStartsASessionWithABrowserToken() {
        SignedIn signedIn = (SignedIn) attempt("ann", "right password");
        assertThat(signedIn.session().userId()).isEqualTo(gatehouse.directory().user("ann").orElseThrow().id());
        assertThat(gatehouse.tokens().verify(TokenKind.BROWSER, signedIn.browserToken().secret()))
                .hasValueSatisfying(v -> assertThat(v.session().id()).isEqualTo(signedIn.session().id()));
    }

    @Test
    void aSignInIsAuditedWithTheUserTheSessionAndHowItWasMade() {
        RequestOrigin origin = new RequestOrigin(Optional.of("req-1"), Optional.of("10.0.0.9"), Optional.of("Firefox/140"));
        SignedIn signedIn = (SignedIn) origin.bind(() -> gatehouse.signIn().attempt(new Attempt("ann", "right password",
                null, null, "10.0.0.9", BROWSER, SignInMethod.DEVICE_CODE, "botocore-client-x")));

        assertThat(signedIn.session().origin()).isEqualTo(new SessionOrigin(SignInMethod.DEVICE_CODE,
                Optional.of("botocore-client-x"), Optional.of("10.0.0.9"), Optional.of("Firefox/140")));
        User ann = gatehouse.directory().user("ann").orElseThrow();
        AuditRecord succeeded = audit.only(AuditEvent.SIGN_IN_SUCCEEDED);
        assertAbout(succeeded, clock.instant(), AuditOutcome.SUCCESS, ann, signedIn.session().id());
        assertThat(succeeded.client()).contains("botocore-client-x");
        assertThat(succeeded.clientId()).isEmpty();
        assertThat(succeeded.sourceAddress()).contains("10.0.0.9");
        assertThat(succeeded.requestId()).contains("req-1");
        assertThat(succeeded.details()).isEqualTo(Map.of("method", "DEVICE_CODE", "mfa", "false"));
        assertThat(audit.events()).containsExactly(AuditEvent.SIGN_IN_SUCCEEDED);
        audit.assertNoRecordHolds("right password", signedIn.browserToken().secret(), BROWSER);
    }

    @Test
    void anAttemptWithoutAMethodIsABrowserSignInFromItsAddress() {
        SignedIn signedIn = (SignedIn) attempt("ann", "right password");
        assertThat(signedIn.session().origin()).isEqualTo(new SessionOrigin(SignInMethod.BROWSER, Optional.empty(),
                Optional.of("10.0.0.1"), Optional.empty()));
        assertThat(audit.only(AuditEvent.SIGN_IN_SUCCEEDED).details()).containsEntry("method", "BROWSER");
    }

    @Test
    void aFailedSignInNamesAKnownUserOnly() {
        attempt("ann", "wrong");
        AuditRecord failed = audit.only(AuditEvent.SIGN_IN_FAILED);
        assertThat(failed.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(failed.user()).contains("ann");
        assertThat(failed.userId()).contains(gatehouse.directory().user("ann").orElseThrow().id());
        assertThat(failed.sessionId()).isEmpty();
        assertThat(failed.sourceAddress()).isEmpty();
        assertThat(failed.details()).isEmpty();
        audit.assertNoRecordHolds("wrong");
    }

    @Test
    void aPasswordTypedAsTheUserNameIsNeverRecorded() {
        String typed = "right password";
        attempt(typed, "");
        attempt(" " + typed + " ", "right password");

        assertThat(audit.of(AuditEvent.SIGN_IN_FAILED)).hasSize(2).allSatisfy(failed -> {
            assertThat(failed.user()).isEmpty();
            assertThat(failed.userId()).isEmpty();
            assertThat(failed.details()).isEqualTo(Map.of("knownUser", "false"));
        });
        audit.assertNoRecordHolds(typed);
    }

    @Test
    void aThrottledAttemptIsAuditedAsThrottledNamingAKnownUserOnly() {
        for (int i = 0; i < 3; i++) {
            attempt("ann", "wrong");
            attempt("right password", "x");
        }
        assertThat(attempt("ann", "right password")).isInstanceOf(Throttled.class);
        assertThat(attempt("right password", "x")).isInstanceOf(Throttled.class);

        List<AuditRecord> throttled = audit.of(AuditEvent.SIGN_IN_THROTTLED);
        assertThat(throttled).hasSize(2).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(AuditOutcome.THROTTLED);
            assertThat(t.details()).containsKey("retryAfterSeconds");
        });
        assertThat(throttled.get(0).user()).contains("ann");
        assertThat(throttled.get(1).user()).isEmpty();
        assertThat(throttled.get(1).details()).containsEntry("knownUser", "false");
        assertThat(audit.of(AuditEvent.SIGN_IN_SUCCEEDED)).isEmpty();
        audit.assertNoRecordHolds("right password");
    }

    @Test
    void theTotpCodeIsAuditedAsMfaFailedWhenWrongOrReplayedAndSucceededWhenRight() {
        String ticket = ((NeedsCode) attempt("tom", "right password")).ticket();
        assertThat(audit.all()).as("no code given yet: nothing to audit").isEmpty();
        String next = ((NeedsCode) attempt("tom", "", "000000", ticket, "10.0.0.1")).ticket();
        String code = Totp.codeAt(SECRET, clock.instant());
        SignedIn signedIn = (SignedIn) attempt("tom", "", code, next, "10.0.0.1");
        attempt("tom", "right password", code, null, "10.0.0.1");

        assertThat(audit.events()).containsExactly(AuditEvent.MFA_FAILED, AuditEvent.MFA_SUCCEEDED,
                AuditEvent.SIGN_IN_SUCCEEDED, AuditEvent.MFA_FAILED);
        List<AuditRecord> failed = audit.of(AuditEvent.MFA_FAILED);
        assertThat(failed).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(f.user()).contains("tom");
        });
        assertThat(failed.get(0).details()).isEqualTo(Map.of("reason", "wrong_code"));
        assertThat(failed.get(1).details()).isEqualTo(Map.of("reason", "replayed_code"));
        assertThat(audit.only(AuditEvent.MFA_SUCCEEDED).user()).contains("tom");
        assertThat(audit.only(AuditEvent.SIGN_IN_SUCCEEDED).details()).containsEntry("mfa", "true")
                .containsEntry("method", "BROWSER");
        assertThat(audit.only(AuditEvent.SIGN_IN_SUCCEEDED).sessionId()).contains(signedIn.session().id());
        audit.assertNoRecordHolds(code, "000000", ticket, next, "right password");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        assertThat(attempt("ann", "wrong")).isEqualTo(new Rejected(SignIn.WRONG_CREDENTIALS));
        assertThat(attempt("nobody", "wrong")).isEqualTo(new Rejected(SignIn.WRONG_CREDENTIALS));
        assertThat(attempt("nobody", "right password")).isEqualTo(new Rejected(SignIn.WRONG_CREDENTIALS));
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheUser() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("ann", "wrong")).isInstanceOf(Rejected.class);
        }
        Outcome throttled = attempt("ann", "right password");
        assertThat(throttled).isInstanceOfSatisfying(Throttled.class,
                t -> assertThat(t.message()).contains("Too many failed sign-in attempts").contains("second"));
        // the delay doubles: wait it out each time and fail again, up to the lock
        for (int i = 3; i < 10; i++) {
            clock.advance(Duration.ofSeconds(31));
            assertThat(attempt("ann", "wrong")).isInstanceOf(Rejected.class);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempt("ann", "right password")).isInstanceOf(Throttled.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(attempt("ann", "right password")).isInstanceOf(SignedIn.class);
        assertThat(attempt("ann", "right password")).as("success clears the count").isInstanceOf(SignedIn.class);
    }

    @Test
    void throttlingAlsoCoversUnknownNamesSoItRevealsNothing() {
        for (int i = 0; i < 3; i++) {
            attempt("ghost", "x");
        }
        assertThat(attempt("ghost", "x")).isInstanceOf(Throttled.class);
    }

    @Test
    void instancesOnOneStoreCountFailuresTogether() {
        Gatehouse other = instance();
        attempt("ann", "wrong");
        attempt("ann", "wrong");
        assertThat(other.signIn().attempt(new Attempt("ann", "wrong", null, null, "10.0.0.1", BROWSER)))
                .isInstanceOf(Rejected.class);
        assertThat(attempt("ann", "right password")).as("the third failure was on the other instance")
                .isInstanceOf(Throttled.class);
    }

    @Test
    void aCodeSpentOnOneInstanceIsSpentOnAll() {
        Gatehouse other = instance();
        String code = Totp.codeAt(SECRET, clock.instant());
        assertThat(attempt("tom", "right password", code, null, "10.0.0.1")).isInstanceOf(SignedIn.class);
        assertThat(other.signIn().attempt(new Attempt("tom", "right password", code, null, "10.0.0.1", BROWSER)))
                .isInstanceOfSatisfying(NeedsCode.class, n -> assertThat(n.message().orElseThrow()).contains("already used"));
    }

    @Test
    void aUserWithTotpNeedsTheCodeAndTheTicketStandsInForThePassword() {
        Outcome first = attempt("tom", "right password");
        assertThat(first).isInstanceOfSatisfying(NeedsCode.class, n -> assertThat(n.message()).isEmpty());
        String ticket = ((NeedsCode) first).ticket();

        Outcome wrongCode = attempt("tom", "", "000000", ticket, "10.0.0.1");
        assertThat(wrongCode).isInstanceOfSatisfying(NeedsCode.class,
                n -> assertThat(n.message()).hasValueSatisfying(m -> assertThat(m).contains("Incorrect verification code")));
        String next = ((NeedsCode) wrongCode).ticket();
        assertThat(next).isNotEqualTo(ticket);

        String code = Totp.codeAt(SECRET, clock.instant());
        assertThat(attempt("tom", "", code, next, "10.0.0.1")).isInstanceOf(SignedIn.class);
        assertThat(attempt("tom", "right password", code, null, "10.0.0.1")).as("a code is good once")
                .isInstanceOfSatisfying(NeedsCode.class, n -> assertThat(n.message().orElseThrow()).contains("already used"));
    }

    @Test
    void aTicketIsGoodOnceEvenWithTheNextCode() {
        String ticket = ((NeedsCode) attempt("tom", "right password")).ticket();
        assertThat(attempt("tom", "", Totp.codeAt(SECRET, clock.instant()), ticket, "10.0.0.1"))
                .isInstanceOf(SignedIn.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(attempt("tom", "", Totp.codeAt(SECRET, clock.instant()), ticket, "10.0.0.1"))
                .as("the same ticket with the next code").isInstanceOf(Rejected.class);
    }

    @Test
    void aTicketIsSpentOnEveryInstance() {
        Gatehouse other = instance();
        String ticket = ((NeedsCode) attempt("tom", "right password")).ticket();
        assertThat(attempt("tom", "", "000000", ticket, "10.0.0.1")).isInstanceOf(NeedsCode.class);
        assertThat(other.signIn().attempt(new Attempt("tom", "", Totp.codeAt(SECRET, clock.instant()), ticket,
                "10.0.0.1", BROWSER))).as("spent on the first instance").isInstanceOf(Rejected.class);
    }

    @Test
    void aTicketIsGoodOnlyFromTheBrowserThatGaveThePassword() {
        String ticket = ((NeedsCode) attempt("tom", "right password")).ticket();
        String code = Totp.codeAt(SECRET, clock.instant());
        // (each from its own address, so that the throttle stays out of it)
        assertThat(attempt("tom", "", code, ticket, "10.0.0.2", "another-browser")).isInstanceOf(Rejected.class);
        assertThat(attempt("tom", "", code, ticket, "10.0.0.3", null)).isInstanceOf(Rejected.class);
        assertThat(gatehouse.signIn().attempt(new Attempt("tom", "", code, ticket, "10.0.0.4")))
                .as("no browser at all").isInstanceOf(Rejected.class);
        assertThat(attempt("tom", "", code, ticket, "10.0.0.1", BROWSER))
                .as("a try from elsewhere does not spend it").isInstanceOf(SignedIn.class);
    }

    @Test
    void failuresFromOneAddressLockThatAddressOnlyUntilTheBackstop() {
        // an attacker locks ann out from their own address...
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(31));
            assertThat(attempt("ann", "wrong", null, null, "203.0.113.66")).isInstanceOf(Rejected.class);
        }
        assertThat(attempt("ann", "right password", null, null, "203.0.113.66")).isInstanceOf(Throttled.class);
        // ...but ann still signs in from hers, and that does not unlock the attacker
        assertThat(attempt("ann", "right password", null, null, "10.0.0.1")).isInstanceOf(SignedIn.class);
        assertThat(attempt("ann", "right password", null, null, "203.0.113.66")).isInstanceOf(Throttled.class);

        // the backstop: failures for ann from many addresses add up, and past its free ones delay everyone
        int free = SignInThrottle.PER_USER.freeFailures();
        for (int i = 10; i < free; i++) {
            assertThat(attempt("ann", "wrong", null, null, "198.51.100." + i)).isInstanceOf(Rejected.class);
        }
        assertThat(attempt("ann", "right password", null, null, "10.0.0.1")).as("at the backstop's free failures")
                .isInstanceOf(Throttled.class);
        clock.advance(SignInThrottle.PER_USER.maxDelay());
        assertThat(attempt("ann", "right password", null, null, "10.0.0.1")).isInstanceOf(SignedIn.class);
        // and past its lock, it locks ann everywhere for its time
        for (int i = free; i < SignInThrottle.PER_USER.lockAfter(); i++) {
            clock.advance(SignInThrottle.PER_USER.maxDelay());
            assertThat(attempt("ann", "wrong", null, null, "198.51.100." + (i % 250))).isInstanceOf(Rejected.class);
        }
        clock.advance(SignInThrottle.PER_USER.maxDelay());
        assertThat(attempt("ann", "right password", null, null, "10.0.0.1")).isInstanceOf(Throttled.class);
        clock.advance(SignInThrottle.PER_USER.lockFor());
        assertThat(attempt("ann", "right password", null, null, "10.0.0.1")).isInstanceOf(SignedIn.class);
    }

    @Test
    void passwordAndCodeTogetherSignInAtOnce() {
        String code = Totp.codeAt(SECRET, clock.instant());
        assertThat(attempt("tom", "right password", code, null, "10.0.0.1")).isInstanceOf(SignedIn.class);
    }

    @Test
    void aTicketIsBoundToItsUserAndExpires() {
        String ticket = ((NeedsCode) attempt("tom", "right password")).ticket();
        assertThat(attempt("ann", "", null, ticket, "10.0.0.1")).isInstanceOf(Rejected.class);
        clock.advance(Duration.ofMinutes(6));
        String code = Totp.codeAt(SECRET, clock.instant());
        assertThat(attempt("tom", "", code, ticket, "10.0.0.2")).isInstanceOf(Rejected.class);
        assertThat(attempt("tom", "", code, ticket.replace('.', 'x'), "10.0.0.2")).isInstanceOf(Rejected.class);
    }

    @Test
    void attemptsAndTicketsPrintNoTypedNameNorSecret() {
        Attempt typo = new Attempt("my-Secret-passw0rd", "right password", "123456", "a-ticket", "10.0.0.1", BROWSER);
        assertThat(typo.toString()).doesNotContain("my-Secret-passw0rd", "right password", "123456", "a-ticket",
                BROWSER).contains("10.0.0.1");
        NeedsCode needsCode = (NeedsCode) attempt("tom", "right password");
        assertThat(needsCode.toString()).doesNotContain(needsCode.ticket()).contains("tom");
    }
}
