package dev.gatehouse.domain.oidc;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.audit.RecordedAudit.assertAbout;
import static dev.gatehouse.domain.audit.RecordedAudit.assertClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.BearerToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CreateToken with a device code (RFC 8628): each check of {@link DeviceCodeGrant}, in its order. */
class DeviceCodeGrantTest {
    private final DomainFixture world = new DomainFixture();
    private final DeviceCodeGrant grant = world.gatehouse.grants().deviceCode();
    private final DeviceAuthorizations devices = world.gatehouse.deviceAuthorizations();
    private final RegisteredClient client = world.client();
    private final DeviceAuthorizations.Started started = devices.start(client, "https://sso.example.com/start");
    private final SignInSession session = world.signIn(world.ann);

    private TokenSet redeem() {
        return grant.exchange(client, started.deviceCode());
    }

    @Test
    void missingDeviceCodeIsAnInvalidRequest() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, null));
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, " "));
    }

    @Test
    void aCodeThatIsNotOursOrNotThisClientsIsAnInvalidGrant() {
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, "ghdc_short"));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, BearerToken.generate(TokenKind.DEVICE_CODE).secret()));
        String code = started.deviceCode();
        String wrongKind = TokenKind.ACCESS.prefix() + code.substring(TokenKind.DEVICE_CODE.prefix().length());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, wrongKind));
        char last = code.charAt(code.length() - 1);
        String sameIdOtherSecret = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, sameIdOtherSecret));
        RegisteredClient other = world.client();
        devices.approve(started.userCode(), session);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(other, code));
        assertThat(redeem().access().record().clientId()).as("the rightful client still redeems it")
                .isEqualTo(client.clientId());
    }

    @Test
    void pendingUntilApprovedThenTokensBoundToTheApprovingSession() {
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        devices.approve(started.userCode(), session);
        TokenSet tokens = redeem();
        assertThat(tokens.access().record().sessionId()).isEqualTo(session.id());
        assertThat(tokens.access().record().clientId()).isEqualTo(client.clientId());
        assertThat(world.gatehouse.tokens().verify(TokenKind.ACCESS, tokens.access().secret())).isPresent();
    }

    @Test
    void theTokensAreAuditedAsIssuedByTheDeviceCodeGrantOnceTheyAre() {
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        assertThat(world.audit.of(AuditEvent.TOKEN_ISSUED)).as("nothing issued while pending").isEmpty();
        devices.approve(started.userCode(), session);
        TokenSet tokens = redeem();

        AuditRecord issued = world.audit.only(AuditEvent.TOKEN_ISSUED);
        assertAbout(issued, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertClient(issued, client);
        assertThat(issued.details()).isEqualTo(Map.of("grant", "device_code"));
        world.audit.assertNoRecordHolds(started.deviceCode(), tokens.access().secret(), tokens.refresh().secret());
    }

    @Test
    void anApprovedCodeGivesTokensOnce() {
        devices.approve(started.userCode(), session);
        TokenSet first = redeem();
        assertFails(ErrorCode.INVALID_GRANT, this::redeem);
        assertThat(world.gatehouse.tokens().verify(TokenKind.ACCESS, first.access().secret())).isPresent();
    }

    @Test
    void aDeniedCodeIsAccessDeniedEveryTime() {
        devices.deny(started.userCode());
        assertFails(ErrorCode.ACCESS_DENIED, this::redeem);
        assertFails(ErrorCode.ACCESS_DENIED, this::redeem);
    }

    @Test
    void theCodeIsGoodUpToItsLifetimeAndExpiredExactlyAtIt() {
        world.advance(DeviceAuthorizations.LIFETIME.minusSeconds(1));
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        world.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.EXPIRED_TOKEN, this::redeem);
    }

    @Test
    void expiryIsCheckedBeforeTheState() {
        devices.approve(started.userCode(), session);
        world.advance(DeviceAuthorizations.LIFETIME);
        assertFails(ErrorCode.EXPIRED_TOKEN, this::redeem);
        DeviceAuthorizations.Started denied = devices.start(client, "https://sso.example.com/start");
        devices.deny(denied.userCode());
        world.advance(DeviceAuthorizations.LIFETIME);
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> grant.exchange(client, denied.deviceCode()));
    }

    @Test
    void theFirstTwoPollsMayComeBackToBackTheThirdIsSlowDown() {
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        assertFails(ErrorCode.SLOW_DOWN, this::redeem);
    }

    @Test
    void aPollExactlyOneIntervalAfterTheLastIsOnTime() {
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        Duration interval = Duration.ofSeconds(started.intervalSeconds());
        world.advance(interval.minusMillis(1));
        assertFails(ErrorCode.SLOW_DOWN, this::redeem);
        // a slow_down poll counts as a poll: the interval runs again from it
        world.advance(interval.minusMillis(1));
        assertFails(ErrorCode.SLOW_DOWN, this::redeem);
        world.advance(interval);
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        world.advance(interval.plusSeconds(1));
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
    }

    @Test
    void anApprovalIsRedeemedEvenWhenPolledTooFast() {
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        assertFails(ErrorCode.AUTHORIZATION_PENDING, this::redeem);
        devices.approve(started.userCode(), session);
        assertThat(redeem().access().secret()).startsWith(TokenKind.ACCESS.prefix());
    }

    @Test
    void anApprovalFromASessionThatHasSinceEndedGivesNoTokens() {
        devices.approve(started.userCode(), session);
        world.gatehouse.sessions().end(session.id());
        assertFails(ErrorCode.INVALID_GRANT, this::redeem);
        assertFails(ErrorCode.INVALID_GRANT, this::redeem);
    }

    @Test
    void anApprovalFromASessionThatRanOutGivesNoTokens() {
        world.advance(DomainFixture.SESSION.minusMinutes(5));
        DeviceAuthorizations.Started late = devices.start(client, "https://sso.example.com/start");
        devices.approve(late.userCode(), session);
        world.advance(Duration.ofMinutes(5));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, late.deviceCode()));
    }
}
