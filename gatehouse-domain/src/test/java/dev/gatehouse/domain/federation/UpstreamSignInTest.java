package dev.gatehouse.domain.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.signin.SignIn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An upstream identity matched to a directory user (by user name or e-mail, without regard to case),
 * made just in time when the source says so, and the Gatehouse session it starts.
 */
class UpstreamSignInTest {
    private static final String ISSUER = "https://idp.example.com/realms/gatehouse";

    private final DomainFixture f = new DomainFixture();
    private final UpstreamSignIn upstream = f.gatehouse.upstream();

    private static UpstreamIdentity identity(String value, List<String> groups, UpstreamIdentity.Profile profile) {
        return new UpstreamIdentity("oidc", ISSUER, "subject-1", value, groups, profile);
    }

    private static UpstreamIdentity identity(String value) {
        return identity(value, List.of(), UpstreamIdentity.Profile.NONE);
    }

    @Test
    void matchesByUserNameOrEmailWithoutRegardToCase() {
        assertThat(upstream.userFor(identity("ANN"), UserMatch.USER_NAME, false)).contains(f.ann);
        assertThat(upstream.userFor(identity(" Bob@Example.com "), UserMatch.EMAIL, false)).contains(f.bob);
        assertThat(upstream.userFor(identity("ann@example.com"), UserMatch.USER_NAME, false)).isEmpty();
        assertThat(upstream.userFor(identity("ann"), UserMatch.EMAIL, false)).isEmpty();
        assertThat(upstream.userFor(identity(""), UserMatch.USER_NAME, true)).isEmpty();
    }

    @Test
    void anUnknownIdentityIsRefusedWithoutJustInTimeUsers() {
        assertThat(upstream.userFor(identity("carol"), UserMatch.USER_NAME, false)).isEmpty();
        assertThat(f.directory.user("carol")).isEmpty();
        assertThat(f.audit.events()).doesNotContain(AuditEvent.USER_CREATED_JUST_IN_TIME);
    }

    @Test
    void justInTimeMakesTheUserOnceWithTheGroupsTheDirectoryHas() {
        UpstreamIdentity carol = identity("carol", List.of("ops", "no-such-group", "ops"),
                new UpstreamIdentity.Profile(Optional.of("Carol Example"), Optional.of("Carol"),
                        Optional.of("Example"), Optional.of("carol@example.com")));

        User made = upstream.userFor(carol, UserMatch.USER_NAME, true).orElseThrow();

        assertThat(f.directory.user("carol")).contains(made);
        assertThat(made.origin()).isEqualTo(Origin.API);
        assertThat(made.passwordHash()).isEmpty();
        assertThat(made.externalIds()).containsExactly(new ExternalId(ISSUER, "subject-1"));
        assertThat(made.displayName()).isEqualTo("Carol Example");
        assertThat(made.email()).isEqualTo("carol@example.com");
        assertThat(made.attributes().asMap().get("Name"))
                .isEqualTo(java.util.Map.of("GivenName", "Carol", "FamilyName", "Example"));
        assertThat(made.stamps().createdAt()).isEqualTo(f.clock.instant());
        assertThat(made.stamps().createdBy()).isEqualTo("federation:oidc");
        assertThat(f.directory.groupIdsOf(made.id()))
                .containsExactly(f.directory.groupByName("ops").orElseThrow().id());
        AuditRecord created = f.audit.only(AuditEvent.USER_CREATED_JUST_IN_TIME);
        assertThat(created.user()).contains("carol");
        assertThat(created.details()).containsEntry("groups", "ops").containsEntry("issuer", ISSUER);

        // the next sign-in finds the user; nothing more is made
        assertThat(upstream.userFor(carol, UserMatch.USER_NAME, true)).contains(made);
        assertThat(f.audit.of(AuditEvent.USER_CREATED_JUST_IN_TIME)).hasSize(1);
    }

    @Test
    void justInTimeByEmailTakesTheEmailAsUserNameAndAddress() {
        User made = upstream.userFor(identity("dave@example.com"), UserMatch.EMAIL, true).orElseThrow();

        assertThat(made.userName()).isEqualTo("dave@example.com");
        assertThat(made.email()).isEqualTo("dave@example.com");
        assertThat(made.displayName()).isEqualTo("dave@example.com");
        assertThat(f.directory.groupIdsOf(made.id())).isEmpty();
    }

    @Test
    void justInTimeRefusesAValueThatCannotBeAUserName() {
        assertThat(upstream.userFor(identity("two words"), UserMatch.USER_NAME, true)).isEmpty();
        assertThat(upstream.userFor(identity("x".repeat(129)), UserMatch.USER_NAME, true)).isEmpty();
        assertThat(f.directory.users()).extracting(User::userName).containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void aSecondMakerFindsTheUserTheFirstMade() {
        User first = upstream.userFor(identity("erin"), UserMatch.USER_NAME, true).orElseThrow();
        // another instance that has not yet seen the write tries to make the same user: the unique
        // user name refuses it, and the first one's user is read back
        Optional<User> second = new JustInTimeUsers(f.gatehouse.liveDirectory(), f.clock, f.gatehouse.audit())
                .create(identity("ERIN"), UserMatch.USER_NAME);
        assertThat(second).contains(first);
        assertThat(f.audit.of(AuditEvent.USER_CREATED_JUST_IN_TIME)).hasSize(1);
    }

    @Test
    void signInStartsTheSessionAndAuditsIt() {
        SignIn.SignedIn signedIn = upstream.signIn(identity("ann"), f.ann, SignInMethod.DEVICE_CODE, "aws-cli");

        assertThat(signedIn.session().userId()).isEqualTo(f.ann.id());
        assertThat(signedIn.session().origin().method()).isEqualTo(SignInMethod.DEVICE_CODE);
        assertThat(f.gatehouse.portal().signedInBrowser(signedIn.browserToken().secret())).isPresent();
        AuditRecord record = f.audit.only(AuditEvent.SIGN_IN_SUCCEEDED);
        assertThat(record.details()).containsEntry("upstream", "oidc").containsEntry("issuer", ISSUER);
        assertThat(record.sessionId()).contains(signedIn.session().id());
    }

    @Test
    void refusedIsAFailedSignInWithTheReason() {
        upstream.refused("oidc", "wrong_audience", Optional.empty());
        upstream.refused("oidc", "unknown_user", Optional.of(f.bob));

        List<AuditRecord> failed = f.audit.of(AuditEvent.SIGN_IN_FAILED);
        assertThat(failed).extracting(AuditRecord::outcome).containsOnly(AuditOutcome.FAILURE);
        assertThat(failed).extracting(r -> r.details().get("reason")).containsExactly("wrong_audience", "unknown_user");
        assertThat(failed.get(1).user()).contains("bob");
    }
}
