package dev.gatehouse.domain.oidc;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static dev.gatehouse.domain.audit.RecordedAudit.assertClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.audit.RequestOrigin;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.IssuedToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import dev.gatehouse.domain.token.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CreateToken with a refresh token: each check of {@link RefreshTokenGrant}, rotation and reuse detection. */
class RefreshTokenGrantTest {
    private final DomainFixture world = new DomainFixture();
    private final RefreshTokenGrant grant = world.gatehouse.grants().refreshToken();
    private final Tokens tokens = world.gatehouse.tokens();
    private final RegisteredClient client = world.client();
    private final SignInSession session = world.signIn(world.ann);
    private final TokenSet issued = tokens.issueTokenSet(session, client.clientId());

    private boolean works(IssuedToken token) {
        return tokens.verify(token.record().kind(), token.secret()).isPresent();
    }

    private boolean sessionEnded() {
        return world.gatehouse.sessions().ended(session.id());
    }

    @Test
    void aRefreshRotatesTheTokenAndIssuesANewPairInTheSameSession() {
        TokenSet next = grant.exchange(client, issued.refresh().secret());
        assertThat(next.refresh().secret()).isNotEqualTo(issued.refresh().secret());
        assertThat(next.access().record().sessionId()).isEqualTo(session.id());
        assertThat(next.refresh().record().clientId()).isEqualTo(client.clientId());
        assertThat(works(issued.refresh())).as("the presented refresh token is spent").isFalse();
        assertThat(works(next.refresh())).isTrue();
        assertThat(works(next.access())).isTrue();
        assertThat(works(issued.access())).as("the earlier access token lives out its hour").isTrue();
        assertThat(grant.exchange(client, next.refresh().secret())).as("the new one rotates in turn").isNotNull();
    }

    @Test
    void aRefreshIsAuditedWithTheUserTheSessionTheClientAndTheRequest() {
        RequestOrigin origin = new RequestOrigin(Optional.of("req-7"), Optional.of("203.0.113.9"), Optional.of("aws-cli/2"));
        TokenSet next = origin.bind(() -> grant.exchange(client, issued.refresh().secret()));

        AuditRecord refreshed = world.audit.only(AuditEvent.TOKEN_REFRESHED);
        assertAbout(refreshed, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertClient(refreshed, client);
        assertThat(refreshed.sourceAddress()).contains("203.0.113.9");
        assertThat(refreshed.requestId()).contains("req-7");
        assertThat(refreshed.details()).isEmpty();
        assertThat(refreshed.expiresAt()).isEqualTo(world.clock.instant().plus(AuditTrail.DEFAULT_RETENTION));
        world.audit.assertNoRecordHolds(issued.refresh().secret(), next.refresh().secret(), next.access().secret());
    }

    @Test
    void missingTokenIsAnInvalidRequest() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, null));
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, ""));
    }

    @Test
    void aTokenThatIsNotARefreshTokenOfOursIsAnInvalidGrant() {
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, "ghrt_nope"));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, issued.access().secret()));
        String relabelled = TokenKind.REFRESH.prefix() + issued.access().secret().substring(TokenKind.ACCESS.prefix().length());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, relabelled));
    }

    @Test
    void anotherClientsRefreshTokenIsAnInvalidGrantAndDoesNotEndTheSession() {
        RegisteredClient thief = world.client();
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(thief, issued.refresh().secret()));
        assertThat(works(issued.refresh())).isTrue();
        assertThat(sessionEnded()).isFalse();
    }

    @Test
    void aLoggedOutSessionsRefreshTokenIsDead() {
        world.gatehouse.sessions().end(session.id());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, issued.refresh().secret()));
    }

    @Test
    void theRefreshTokenIsGoodUntilTheSessionEndsAndNotAtThatInstant() {
        world.advance(DomainFixture.SESSION.minusSeconds(1));
        TokenSet last = grant.exchange(client, issued.refresh().secret());
        assertThat(last.access().expiresAt()).as("cut to the session's end").isEqualTo(session.expiresAt());
        assertThat(last.expiresIn()).isEqualTo(Duration.ofSeconds(1));
        world.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, last.refresh().secret()));
    }

    @Test
    void reusingARotatedTokenEndsTheWholeSession() {
        TokenSet rotated = grant.exchange(client, issued.refresh().secret());
        IssuedToken browser = tokens.issueBrowserToken(session);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, issued.refresh().secret()));
        assertThat(sessionEnded()).isTrue();
        assertThat(works(rotated.access())).isFalse();
        assertThat(works(rotated.refresh())).isFalse();
        assertThat(works(issued.access())).isFalse();
        assertThat(works(browser)).isFalse();
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, rotated.refresh().secret()));
    }

    @Test
    void reuseIsAuditedAsATokenReusedFailureThatEndedTheSession() {
        grant.exchange(client, issued.refresh().secret());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, issued.refresh().secret()));

        AuditRecord reused = world.audit.only(AuditEvent.TOKEN_REUSED);
        assertAbout(reused, world.clock.instant(), AuditOutcome.FAILURE, world.ann, session.id());
        assertClient(reused, client);
        assertThat(reused.details()).isEqualTo(Map.of("what", "refresh_token"));
        assertThat(world.audit.of(AuditEvent.TOKEN_REFRESHED)).as("only the first, good, refresh").hasSize(1);
        world.audit.assertNoRecordHolds(issued.refresh().secret());
    }

    @Test
    void reuseDetectionLeavesOtherSessionsAlone() {
        TokenSet other = tokens.issueTokenSet(world.signIn(world.ann), client.clientId());
        grant.exchange(client, issued.refresh().secret());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, issued.refresh().secret()));
        assertThat(works(other.access())).isTrue();
        assertThat(grant.exchange(client, other.refresh().secret())).isNotNull();
    }

    @Test
    void reusePresentedByAnotherClientIsRefusedBeforeItCountsAsReuse() {
        grant.exchange(client, issued.refresh().secret());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(world.client(), issued.refresh().secret()));
        assertThat(sessionEnded()).as("the client check comes first").isFalse();
    }
}
