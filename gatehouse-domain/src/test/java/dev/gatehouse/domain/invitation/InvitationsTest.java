package dev.gatehouse.domain.invitation;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.EntryKind;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Passwords;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.invitation.ClosedInvitation.Reason;
import dev.gatehouse.domain.invitation.Invitations.Accepted;
import dev.gatehouse.domain.invitation.Invitations.NewAuthenticator;
import dev.gatehouse.domain.invitation.Invitations.Open;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.invitation.Invitations.Outcome;
import dev.gatehouse.domain.invitation.Invitations.Refused;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.domain.signin.SignIn.Attempt;
import dev.gatehouse.domain.signin.Totp;
import dev.gatehouse.domain.store.InMemoryStore;
import dev.gatehouse.domain.store.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Invitations on the in-memory store and a hand-moved clock: every check of create, find and accept, in order. */
class InvitationsTest {
    private static final String PASSWORD = "Invited-2-sign-in";
    private static final String ADMIN = "AKIAGATEHOUSETEST001";

    private final DomainFixture f = new DomainFixture();
    private final Invitations invitations = f.gatehouse.invitations();
    /** Made through the API, as identitystore CreateUser makes users: no password, so no way in yet. */
    private final User carol = newUser("carol");

    private User newUser(String userName) {
        User user = new User("90000000-0000-4000-8000-0000000000" + userName.length() + userName.charAt(0) % 10,
                userName, Optional.empty(), Optional.empty(), Attributes.NONE, List.of(), Origin.API,
                Stamps.made(f.clock.instant(), ADMIN));
        f.gatehouse.liveDirectory().put(user);
        return user;
    }

    private SignIn.Outcome signIn(Gatehouse gatehouse, String userName, String password, String otp) {
        return gatehouse.signIn().attempt(new Attempt(userName, password, otp, null, "10.0.0.1"));
    }

    private ClosedInvitation.Reason closed(Object outcome) {
        assertThat(outcome).isInstanceOf(ClosedInvitation.class);
        return ((ClosedInvitation) outcome).reason();
    }

    @Test
    void aNewUserSetsAPasswordThroughTheLinkAndThenSignsIn() {
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, null)).isInstanceOf(SignIn.Rejected.class);
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        assertThat(issued.userId()).isEqualTo(carol.id());
        assertThat(issued.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(7)));
        assertThat(issued.token()).startsWith("ghiv_").hasSize(5 + 64);
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(invitations.find(issued.token())).isInstanceOfSatisfying(Open.class,
                open -> assertThat(open.user().userName()).isEqualTo("carol"));

        Outcome outcome = invitations.accept(issued.token(), PASSWORD, Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.user().id()).isEqualTo(carol.id()));
        User stored = f.directory.userById(carol.id()).orElseThrow();
        assertThat(stored.passwordHash()).hasValueSatisfying(h -> {
            assertThat(h).startsWith("$argon2id$");
            assertThat(Passwords.verify(PASSWORD, h)).isTrue();
        });
        assertThat(stored.totpSecret()).isEmpty();
        assertThat(stored.stamps().createdBy()).isEqualTo(ADMIN);
        assertThat(stored.stamps().updatedAt()).isEqualTo(f.clock.instant());
        assertThat(f.directory.invitationOf(carol.id())).as("the spent invitation is deleted").isEmpty();
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, null)).isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void aPasswordResetThroughALinkEndsTheUsersSessionsAndNoOneElses() {
        f.advance(Duration.ofSeconds(5));
        var annSession = f.signIn(f.ann);
        var annSecond = f.signIn(f.ann);
        var bobSession = f.signIn(f.bob);
        IssuedInvitation issued = invitations.create(f.ann.id(), ADMIN);

        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);

        assertThat(f.gatehouse.sessions().active(annSession.id())).as("ann's first session").isEmpty();
        assertThat(f.gatehouse.sessions().active(annSecond.id())).as("ann's second session").isEmpty();
        assertThat(f.gatehouse.sessions().ended(annSession.id())).isTrue();
        assertThat(f.gatehouse.sessions().active(bobSession.id())).as("bob's session").isPresent();
    }

    @Test
    void anAcceptedInvitationAndTheSessionsItEndedAreAuditedWithoutTheLinkOrThePassword() {
        f.signIn(f.ann);
        f.signIn(f.ann);
        IssuedInvitation issued = invitations.create(f.ann.id(), ADMIN);
        invitations.accept(issued.token(), PASSWORD, Optional.empty());

        assertThat(f.audit.events()).containsExactly(AuditEvent.INVITATION_ACCEPTED,
                AuditEvent.SESSIONS_ENDED_BY_DIRECTORY);
        AuditRecord accepted = f.audit.only(AuditEvent.INVITATION_ACCEPTED);
        assertThat(accepted.user()).contains("ann");
        assertThat(accepted.userId()).contains(f.ann.id());
        assertThat(accepted.details()).isEqualTo(Map.of("authenticator", "false"));
        AuditRecord ended = f.audit.only(AuditEvent.SESSIONS_ENDED_BY_DIRECTORY);
        assertThat(ended.userId()).contains(f.ann.id());
        assertThat(ended.details()).isEqualTo(Map.of("reason", "password_set", "count", "2"));
        f.audit.assertNoRecordHolds(issued.token(), PASSWORD);
    }

    @Test
    void theStoreKeepsOnlyTheTokensHash() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        String secretPart = issued.token().substring("ghiv_".length());
        List<StoredEntry> stored = f.store.loadDirectory().entries().stream()
                .filter(e -> e.kind().equals(EntryKind.INVITATION.storedName())).toList();
        assertThat(stored).hasSize(1);
        String body = new String(stored.getFirst().body(), StandardCharsets.UTF_8) + stored.getFirst().id();
        // no piece of the token, not even its first 16 bytes
        assertThat(body).doesNotContain(secretPart.substring(0, 16)).doesNotContain(secretPart.substring(22, 43));
        assertThat(f.directory.invitationOf(carol.id()).orElseThrow().tokenHash()).hasSize(43);
    }

    @Test
    void anUnknownUserGetsNoInvitation() {
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> invitations.create("90000000-0000-4000-8000-00000000dead", ADMIN));
    }

    @Test
    void theLinkIsGoodUntilTheExactInstantSevenDaysOn() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        f.advance(Invitations.LIFETIME.minusSeconds(1));
        assertThat(invitations.find(issued.token())).isInstanceOf(Open.class);
        f.advance(Duration.ofSeconds(1));
        assertThat(f.clock.instant()).isEqualTo(issued.expiresAt());
        assertThat(closed(invitations.find(issued.token()))).isEqualTo(Reason.EXPIRED);
        assertThat(closed(invitations.accept(issued.token(), PASSWORD, Optional.empty()))).isEqualTo(Reason.EXPIRED);
        f.advance(Duration.ofSeconds(1));
        assertThat(closed(invitations.accept(issued.token(), PASSWORD, Optional.empty()))).isEqualTo(Reason.EXPIRED);
        assertThat(f.directory.userById(carol.id()).orElseThrow().passwordHash()).isEmpty();
    }

    @Test
    void theLastSecondStillSetsThePassword() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        f.advance(Invitations.LIFETIME.minusSeconds(1));
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
    }

    @Test
    void aLinkSetsAPasswordOnceOnly() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
        String hash = f.directory.userById(carol.id()).orElseThrow().passwordHash().orElseThrow();

        assertThat(closed(invitations.accept(issued.token(), "Another-9-password", Optional.empty())))
                .isEqualTo(Reason.USED);
        assertThat(closed(invitations.find(issued.token()))).isEqualTo(Reason.USED);
        assertThat(f.directory.userById(carol.id()).orElseThrow().passwordHash()).hasValue(hash);
    }

    @Test
    void aLinkSpentOnOneInstanceIsSpentOnEveryOther() {
        Gatehouse other = Gatehouse.create(f.file, new InMemoryStore(f.store.data()), f.clock);
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        assertThat(other.invitations().find(issued.token())).as("made here, seen there").isInstanceOf(Open.class);

        assertThat(other.invitations().accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);

        assertThat(closed(invitations.accept(issued.token(), "Another-9-password", Optional.empty())))
                .isEqualTo(Reason.USED);
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, null)).isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void ofManyAttemptsAtOnceOnManyInstancesExactlyOneSetsThePassword() throws Exception {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        int attempts = 6;
        List<Gatehouse> instances = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            instances.add(Gatehouse.create(f.file, new InMemoryStore(f.store.data()), f.clock));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                Invitations on = instances.get(i).invitations();
                String password = "Racer-" + i + "-password";
                Callable<Outcome> attempt = () -> {
                    start.await();
                    return on.accept(issued.token(), password, Optional.empty());
                };
                outcomes.add(threads.submit(attempt));
            }
            start.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(Accepted.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(o -> !(o instanceof Accepted))
                    .allSatisfy(o -> assertThat(closed(o)).isEqualTo(Reason.USED));
            int winner = results.indexOf(results.stream().filter(Accepted.class::isInstance).findFirst().orElseThrow());
            f.gatehouse.liveDirectory().refresh();
            assertThat(signIn(f.gatehouse, "carol", "Racer-" + winner + "-password", null))
                    .isInstanceOf(SignIn.SignedIn.class);
        }
    }

    @Test
    void aNewerInvitationReplacesTheOlderOne() {
        IssuedInvitation first = invitations.create(carol.id(), ADMIN);
        f.advance(Duration.ofHours(1));
        IssuedInvitation second = invitations.create(carol.id(), ADMIN);

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.expiresAt()).isEqualTo(f.clock.instant().plus(Invitations.LIFETIME));
        assertThat(closed(invitations.find(first.token()))).isEqualTo(Reason.UNKNOWN);
        assertThat(closed(invitations.accept(first.token(), PASSWORD, Optional.empty()))).isEqualTo(Reason.UNKNOWN);
        assertThat(f.store.loadDirectory().entries()).filteredOn(e -> e.kind().equals("invitation")).hasSize(1);
        assertThat(invitations.accept(second.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
    }

    @Test
    void aNewerInvitationMadeOnAnotherInstanceReplacesTheOneThisInstanceMade() {
        Gatehouse other = Gatehouse.create(f.file, new InMemoryStore(f.store.data()), f.clock);
        IssuedInvitation first = invitations.create(carol.id(), ADMIN);
        IssuedInvitation second = other.invitations().create(carol.id(), ADMIN);
        // this instance has not followed the change log since: it looks again before it answers
        assertThat(closed(invitations.accept(first.token(), PASSWORD, Optional.empty()))).isEqualTo(Reason.UNKNOWN);
        assertThat(invitations.accept(second.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
    }

    @Test
    void aDeletedUsersLinkSetsNothing() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        f.gatehouse.liveDirectory().write(List.of(), List.of(carol));

        assertThat(closed(invitations.find(issued.token()))).isEqualTo(Reason.USER_GONE);
        assertThat(closed(invitations.accept(issued.token(), PASSWORD, Optional.empty()))).isEqualTo(Reason.USER_GONE);
        assertThat(f.directory.userById(carol.id())).isEmpty();
    }

    @Test
    void aFileUserDroppedFromTheFileTakesItsInvitationAlong() {
        invitations.create(f.bob.id(), ADMIN);
        DirectoryFile withoutBob = new DirectoryFile(f.file.region(), f.file.signInSessionDuration(),
                f.file.users().stream().filter(u -> !u.userName().equals("bob")).toList(), f.file.accounts(),
                f.file.permissionSets(), f.file.assignments());
        Gatehouse restarted = Gatehouse.create(withoutBob, new InMemoryStore(f.store.data()), f.clock);
        assertThat(restarted.directory().userById(f.bob.id())).isEmpty();
        assertThat(restarted.directory().invitationOf(f.bob.id())).isEmpty();
        assertThat(f.store.loadDirectory().entries()).filteredOn(e -> e.kind().equals("invitation")).isEmpty();
    }

    @Test
    void anUnknownOrMalformedTokenLeadsNowhere() {
        invitations.create(carol.id(), ADMIN);
        for (String token : new String[] {null, "", "ghiv_", "ghiv_" + "A".repeat(64), "ghat_" + "A".repeat(64),
                "ghiv_" + "!".repeat(64)}) {
            assertThat(closed(invitations.find(token))).as(token).isEqualTo(Reason.UNKNOWN);
            assertThat(closed(invitations.accept(token, PASSWORD, Optional.empty()))).as(token).isEqualTo(Reason.UNKNOWN);
        }
    }

    @Test
    void aPasswordThatBreaksARuleIsRefusedSayingWhichAndTheLinkStaysGood() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        assertThat(invitations.accept(issued.token(), "alllowercase", Optional.empty())).isEqualTo(new Refused(
                "The password must contain an upper-case letter, contain a digit and contain a character that is "
                        + "not a letter or a digit, such as ! or #."));
        assertThat(invitations.accept(issued.token(), "Sh0rt!", Optional.empty()))
                .isEqualTo(new Refused("The password must be 8 to 64 characters long."));
        assertThat(invitations.accept(issued.token(), null, Optional.empty())).isInstanceOf(Refused.class);
        assertThat(f.directory.userById(carol.id()).orElseThrow().passwordHash()).isEmpty();

        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
    }

    @Test
    void anAuthenticatorAppConfirmedWithItsCodeIsSetUpToo() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        AuthenticatorSetup app = AuthenticatorSetup.fresh("carol");
        String code = Totp.codeAt(app.secret(), f.clock.instant());

        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.of(new NewAuthenticator(app.secret(), code))))
                .isInstanceOf(Accepted.class);

        assertThat(f.directory.userById(carol.id()).orElseThrow().totpSecret()).hasValue(app.secret());
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, null)).isInstanceOf(SignIn.NeedsCode.class);
        // the code that confirmed the app is spent, as a code used to sign in would be
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, code)).isInstanceOfSatisfying(SignIn.NeedsCode.class,
                n -> assertThat(n.message()).hasValue("That code was already used. Wait for the next one."));
        f.advance(Duration.ofSeconds(30));
        assertThat(signIn(f.gatehouse, "carol", PASSWORD, Totp.codeAt(app.secret(), f.clock.instant())))
                .isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void aWrongCodeOrASecretThePageDidNotMakeSetsNothing() {
        IssuedInvitation issued = invitations.create(carol.id(), ADMIN);
        AuthenticatorSetup app = AuthenticatorSetup.fresh("carol");
        String right = Totp.codeAt(app.secret(), f.clock.instant());

        assertThat(invitations.accept(issued.token(), PASSWORD,
                Optional.of(new NewAuthenticator(app.secret(), wrongCode(app.secret())))))
                .isEqualTo(new Refused("Incorrect verification code. Enter the 6-digit code your authenticator app "
                        + "shows now."));
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.of(new NewAuthenticator("JBSWY3DPEHPK3PXP",
                Totp.codeAt("JBSWY3DPEHPK3PXP", f.clock.instant())))))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.message())
                        .startsWith("The authenticator app's secret is not the one this page showed."));
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.of(new NewAuthenticator(app.secret(), ""))))
                .isInstanceOf(Refused.class);

        User unchanged = f.directory.userById(carol.id()).orElseThrow();
        assertThat(unchanged.passwordHash()).isEmpty();
        assertThat(unchanged.totpSecret()).isEmpty();
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.of(new NewAuthenticator(app.secret(), right))))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void withoutANewAppAUserKeepsTheSecondFactorTheyHad() {
        User tess = new User("90000000-0000-4000-8000-000000007e55", "tess", Optional.empty(),
                Optional.of("JBSWY3DPEHPK3PXP"), Attributes.NONE, List.of(), Origin.API,
                Stamps.made(f.clock.instant(), ADMIN));
        f.gatehouse.liveDirectory().put(tess);
        IssuedInvitation issued = invitations.create(tess.id(), ADMIN);
        assertThat(invitations.accept(issued.token(), PASSWORD, Optional.empty())).isInstanceOf(Accepted.class);
        assertThat(f.directory.userById(tess.id()).orElseThrow().totpSecret()).hasValue("JBSWY3DPEHPK3PXP");
    }

    /** A six-digit code none of the steps accepted now has. */
    private String wrongCode(String secret) {
        List<String> accepted = List.of(Totp.codeAt(secret, f.clock.instant().minusSeconds(30)),
                Totp.codeAt(secret, f.clock.instant()), Totp.codeAt(secret, f.clock.instant().plusSeconds(30)));
        for (int i = 0; ; i++) {
            String code = String.format("%06d", i * 111_111 % 1_000_000);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }
}
