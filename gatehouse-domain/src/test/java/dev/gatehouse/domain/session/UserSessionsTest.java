package dev.gatehouse.domain.session;

import static dev.gatehouse.domain.DomainFixture.ACCOUNT_1;
import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.token.IssuedToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's sessions as an admin and the user see and end them: only active ones listed, with their live
 * tokens, live role sessions and last use; ending by an admin (one, all, with or without role
 * sessions), idempotent; ending by the user, their own sessions only; every end audited.
 */
class UserSessionsTest {
    private static final String ADMIN_KEY = "AKIAGATEHOUSEADMIN01";
    private static final RequestOrigin FROM_LAPTOP = new RequestOrigin(Optional.of("req-1"),
            Optional.of("198.51.100.4"), Optional.of("aws-cli/2.22"));

    private final DomainFixture world = new DomainFixture();
    private final UserSessions userSessions = world.gatehouse.userSessions();
    private final RegisteredClient client = world.client();
    private final PermissionSet admin = world.directory.permissionSet("Admin").orElseThrow();
    private final SignInSession session = world.signIn(world.ann);
    private final TokenSet tokens = FROM_LAPTOP.bind(() -> world.gatehouse.tokens().issueTokenSet(session,
            client.clientId()));

    private RoleCredentials roleCredentials(SignInSession from) {
        return world.gatehouse.credentials().issue(from, "ann", ACCOUNT_1, admin);
    }

    private boolean works(IssuedToken token) {
        return world.gatehouse.tokens().verify(token.record().kind(), token.secret()).isPresent();
    }

    private boolean roleSessionLive(RoleCredentials credentials) {
        return world.store.findRoleSession(credentials.accessKeyId()).orElseThrow().isLiveAt(world.clock.instant());
    }

    @Test
    void theListHoldsTheActiveSessionsOldestFirstWithLiveTokensRoleSessionsAndLastUse() {
        Instant started = world.clock.instant();
        world.advance(Duration.ofMinutes(1));
        IssuedToken cookie = world.gatehouse.tokens().issueBrowserToken(session);
        roleCredentials(session);
        RoleCredentials ended = roleCredentials(session);
        world.store.endRoleSession(ended.accessKeyId(), world.clock.instant());
        TokenSet refreshed = world.gatehouse.grants().refreshToken().exchange(client, tokens.refresh().secret());
        SignInSession later = world.signIn(world.ann);
        world.gatehouse.sessions().end(world.signIn(world.ann).id());
        world.signIn(world.bob);
        world.advance(Duration.ofMinutes(2));
        assertThat(works(refreshed.access())).isTrue();

        List<SessionView> listed = userSessions.activeOf(world.ann.id());

        assertThat(listed).extracting(v -> v.session().id()).containsExactly(session.id(), later.id());
        SessionView first = listed.getFirst();
        assertThat(first.session().createdAt()).isEqualTo(started);
        assertThat(first.lastUsedAt()).contains(world.clock.instant());
        assertThat(first.liveRoleSessions()).as("the ended role session is not live").isEqualTo(1);
        assertThat(first.liveTokens()).extracting(TokenView::kind).as("the rotated refresh token is gone")
                .containsExactlyInAnyOrder(TokenKind.ACCESS, TokenKind.BROWSER, TokenKind.ACCESS, TokenKind.REFRESH);
        TokenView fromLaptop = first.liveTokens().stream()
                .filter(t -> t.issuedAt().equals(started) && t.kind() == TokenKind.ACCESS).findFirst().orElseThrow();
        assertThat(fromLaptop).isEqualTo(new TokenView(TokenKind.ACCESS, client.clientId(), Optional.of("tool"),
                started, tokens.access().expiresAt(), Optional.of("198.51.100.4")));
        TokenView browser = first.liveTokens().stream().filter(t -> t.kind() == TokenKind.BROWSER).findFirst()
                .orElseThrow();
        assertThat(browser.clientName()).contains("browser");
        assertThat(browser.expiresAt()).isEqualTo(cookie.expiresAt());
        SessionView second = listed.get(1);
        assertThat(second.lastUsedAt()).isEmpty();
        assertThat(second.liveTokens()).isEmpty();
        assertThat(second.liveRoleSessions()).isZero();
    }

    @Test
    void aSessionLeavesTheListAtTheExactInstantItExpiresAndItsExpiredTokensBefore() {
        world.advance(DomainFixture.SESSION.minusSeconds(1));
        assertThat(userSessions.activeOf(world.ann.id())).singleElement()
                .satisfies(v -> assertThat(v.liveTokens()).as("the hour-long access token is gone")
                        .extracting(TokenView::kind).containsExactly(TokenKind.REFRESH));
        world.advance(Duration.ofSeconds(1));
        assertThat(userSessions.activeOf(world.ann.id())).isEmpty();
    }

    @Test
    void anAdminEndsOneSessionAtOnceAndAuditsIt() {
        SignInSession other = world.signIn(world.ann);
        RoleCredentials credentials = roleCredentials(session);

        SessionEnding ending = FROM_LAPTOP.bind(() -> userSessions.endByAdmin(session.id(), ADMIN_KEY, false));

        assertThat(ending).isEqualTo(new SessionEnding(1, 0));
        assertThat(works(tokens.access())).isFalse();
        assertThat(works(tokens.refresh())).isFalse();
        assertThat(world.gatehouse.sessions().active(other.id())).as("the user's other session").isPresent();
        assertThat(roleSessionLive(credentials)).as("role sessions only when asked").isTrue();
        AuditRecord ended = world.audit.only(AuditEvent.SESSION_ENDED_BY_ADMIN);
        assertAbout(ended, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertThat(ended.sourceAddress()).contains("198.51.100.4");
        assertThat(ended.requestId()).contains("req-1");
        assertThat(ended.details()).isEqualTo(Map.of("adminKeyId", ADMIN_KEY));
        assertThat(world.audit.of(AuditEvent.ROLE_SESSIONS_ENDED_BY_ADMIN)).isEmpty();
    }

    @Test
    void anAdminEndsTheRoleSessionsOfASessionWhenAskedAndAuditsEachOne() {
        RoleCredentials live = roleCredentials(session);
        RoleCredentials expired = world.gatehouse.credentials().issue(session, "ann", ACCOUNT_1,
                world.directory.permissionSet("Read").orElseThrow());
        world.advance(admin.sessionDuration());
        RoleCredentials later = roleCredentials(session);
        world.advance(Duration.ofMinutes(59));

        assertThat(userSessions.endByAdmin(session.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(1, 2));

        assertThat(roleSessionLive(expired)).isFalse();
        assertThat(roleSessionLive(later)).isFalse();
        assertThat(world.store.findRoleSession(live.accessKeyId()).orElseThrow().endedAt())
                .as("an expired one is left as it was").isEmpty();
        List<AuditRecord> roleEnds = world.audit.of(AuditEvent.ROLE_SESSIONS_ENDED_BY_ADMIN);
        assertThat(roleEnds).extracting(r -> r.details().get("accessKeyId"))
                .containsExactlyInAnyOrder(expired.accessKeyId(), later.accessKeyId());
        assertThat(roleEnds).allSatisfy(r -> {
            assertThat(r.userId()).contains(world.ann.id());
            assertThat(r.sessionId()).contains(session.id());
            assertThat(r.details()).containsEntry("adminKeyId", ADMIN_KEY).containsEntry("accountId", ACCOUNT_1)
                    .containsKey("role");
        });
        world.audit.assertNoRecordHolds(live.sessionToken(), live.secretAccessKey(), later.sessionToken(),
                later.secretAccessKey());
    }

    @Test
    void theRoleSessionsOfAnAlreadyEndedSessionCanStillBeEnded() {
        RoleCredentials credentials = roleCredentials(session);
        world.gatehouse.portal().logout(world.gatehouse.portal().authenticate(tokens.access().secret()));

        assertThat(userSessions.endByAdmin(session.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(0, 1));

        assertThat(roleSessionLive(credentials)).isFalse();
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_ADMIN)).isEmpty();
        assertThat(world.audit.only(AuditEvent.ROLE_SESSIONS_ENDED_BY_ADMIN).sessionId()).contains(session.id());
    }

    @Test
    void endingAgainEndsNothingAndAuditsNothing() {
        roleCredentials(session);
        assertThat(userSessions.endByAdmin(session.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(1, 1));
        int recorded = world.audit.all().size();

        assertThat(userSessions.endByAdmin(session.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(0, 0));
        assertThat(userSessions.endAllByAdmin(world.ann.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(0, 0));
        assertThat(world.audit.all()).hasSize(recorded);
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> userSessions.endByAdmin("no-such-session", ADMIN_KEY, false));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> userSessions.endByUser(world.ann.id(), "no-such-session"));
        assertThat(userSessions.find("no-such-session")).isEmpty();
    }

    @Test
    void anAdminEndsEverySessionOfAUserAndTheRoleSessionsOfEachEvenEndedOnes() {
        SignInSession second = world.signIn(world.ann);
        SignInSession loggedOut = world.signIn(world.ann);
        RoleCredentials fromSecond = roleCredentials(second);
        RoleCredentials fromLoggedOut = roleCredentials(loggedOut);
        world.gatehouse.sessions().end(loggedOut.id());
        SignInSession bobs = world.signIn(world.bob);

        assertThat(userSessions.endAllByAdmin(world.ann.id(), ADMIN_KEY, false)).isEqualTo(new SessionEnding(2, 0));
        assertThat(userSessions.activeOf(world.ann.id())).isEmpty();
        assertThat(roleSessionLive(fromSecond)).isTrue();
        assertThat(userSessions.endAllByAdmin(world.ann.id(), ADMIN_KEY, true)).isEqualTo(new SessionEnding(0, 2));
        assertThat(roleSessionLive(fromSecond)).isFalse();
        assertThat(roleSessionLive(fromLoggedOut)).isFalse();
        assertThat(world.gatehouse.sessions().active(bobs.id())).as("bob's session").isPresent();
        assertThat(world.audit.of(AuditEvent.SESSION_ENDED_BY_ADMIN)).extracting(r -> r.sessionId().orElseThrow())
                .containsExactlyInAnyOrder(session.id(), second.id());
    }

    @Test
    void aUserEndsTheirOwnSessionOnceAndItIsAudited() {
        SignInSession other = world.signIn(world.ann);

        assertThat(userSessions.endByUser(world.ann.id(), other.id())).isTrue();
        assertThat(world.gatehouse.sessions().ended(other.id())).isTrue();
        assertThat(works(tokens.access())).as("the session they are using").isTrue();
        assertThat(userSessions.endByUser(world.ann.id(), other.id())).as("already ended").isFalse();

        AuditRecord ended = world.audit.only(AuditEvent.SESSION_ENDED_BY_USER);
        assertAbout(ended, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, other.id());
        assertThat(ended.details()).isEmpty();
    }

    @Test
    void anotherUsersSessionIsNotFoundForTheUserAndLeftAlone() {
        SignInSession bobs = world.signIn(world.bob);
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> userSessions.endByUser(world.ann.id(), bobs.id()));
        assertThat(world.gatehouse.sessions().active(bobs.id())).isPresent();
        assertThat(world.audit.all()).isEmpty();
    }

    @Test
    void findShowsASessionInWhateverStateWithNoLiveTokensOnceEndedButItsLiveRoleSessions() {
        assertThat(userSessions.find(session.id())).hasValueSatisfying(v -> assertThat(v.liveTokens()).hasSize(2));
        roleCredentials(session);
        world.gatehouse.sessions().end(session.id());
        assertThat(userSessions.find(session.id())).hasValueSatisfying(v -> {
            assertThat(v.session().endedAt()).contains(world.clock.instant());
            assertThat(v.liveTokens()).isEmpty();
            assertThat(v.liveRoleSessions()).isEqualTo(1);
        });
    }
}
