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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CreateToken with an authorization code and PKCE: each check of {@link AuthorizationCodeGrant}, in its order. */
class AuthorizationCodeGrantTest {
    private static final String REDIRECT = "http://127.0.0.1:49152/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final DomainFixture world = new DomainFixture();
    private final AuthorizationCodeGrant grant = world.gatehouse.grants().authorizationCode();
    private final RegisteredClient client = world.client();
    private final SignInSession session = world.signIn(world.ann);

    private String issue(String verifier) {
        return world.gatehouse.authorizationCodes().issue(new AuthorizationRequest(client, REDIRECT, "state-1",
                challenge(verifier), List.of("sso:account:access")), session);
    }

    private final String code = issue(VERIFIER);

    @Test
    void theRfc7636ExampleVerifierRedeemsItsCodeForTokensOfTheSession() {
        assertThat(challenge(VERIFIER)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        TokenSet tokens = grant.exchange(client, code, REDIRECT, VERIFIER);
        assertThat(tokens.access().record().sessionId()).isEqualTo(session.id());
        assertThat(tokens.refresh().record().clientId()).isEqualTo(client.clientId());
        assertThat(world.gatehouse.tokens().verify(TokenKind.ACCESS, tokens.access().secret())).isPresent();
    }

    @Test
    void eachMissingMemberIsAnInvalidRequest() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, null, REDIRECT, VERIFIER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, code, null, VERIFIER));
        assertFails(ErrorCode.INVALID_REQUEST, () -> grant.exchange(client, code, REDIRECT, ""));
        assertThat(grant.exchange(client, code, REDIRECT, VERIFIER)).as("a missing member does not spend the code")
                .isNotNull();
    }

    @Test
    void aCodeThatIsNotOursOrNotThisClientsIsAnInvalidGrantAndLeftUnspent() {
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, "ghac_nope", REDIRECT, VERIFIER));
        assertFails(ErrorCode.INVALID_GRANT,
                () -> grant.exchange(client, BearerToken.generate(TokenKind.AUTHORIZATION_CODE).secret(), REDIRECT, VERIFIER));
        char last = code.charAt(code.length() - 1);
        String sameIdOtherSecret = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, sameIdOtherSecret, REDIRECT, VERIFIER));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(world.client(), code, REDIRECT, VERIFIER));
        assertThat(grant.exchange(client, code, REDIRECT, VERIFIER)).isNotNull();
    }

    @Test
    void aCodeIsGoodOnce() {
        grant.exchange(client, code, REDIRECT, VERIFIER);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, VERIFIER));
    }

    @Test
    void theTokensAreAuditedAsIssuedByTheAuthorizationCodeGrant() {
        TokenSet tokens = grant.exchange(client, code, REDIRECT, VERIFIER);

        AuditRecord issued = world.audit.only(AuditEvent.TOKEN_ISSUED);
        assertAbout(issued, world.clock.instant(), AuditOutcome.SUCCESS, world.ann, session.id());
        assertClient(issued, client);
        assertThat(issued.details()).isEqualTo(Map.of("grant", "authorization_code"));
        world.audit.assertNoRecordHolds(code, VERIFIER, tokens.access().secret(), tokens.refresh().secret());
    }

    @Test
    void aSpentCodePresentedAgainIsAuditedAsReusedAndEndsTheSession() {
        grant.exchange(client, code, REDIRECT, VERIFIER);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, VERIFIER));

        assertThat(world.gatehouse.sessions().ended(session.id())).isTrue();
        AuditRecord reused = world.audit.only(AuditEvent.TOKEN_REUSED);
        assertAbout(reused, world.clock.instant(), AuditOutcome.FAILURE, world.ann, session.id());
        assertClient(reused, client);
        assertThat(reused.details()).isEqualTo(Map.of("what", "authorization_code"));
        world.audit.assertNoRecordHolds(code);
    }

    @Test
    void aFailedRedemptionSpendsTheCodeToo() {
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, VERIFIER.replace('d', 'e')));
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, VERIFIER));
    }

    @Test
    void theCodeIsGoodUpToFiveMinutesAndExpiredExactlyAtThem() {
        String second = issue(VERIFIER);
        world.advance(AuthorizationCodes.LIFETIME.minusSeconds(1));
        assertThat(grant.exchange(client, code, REDIRECT, VERIFIER)).isNotNull();
        world.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> grant.exchange(client, second, REDIRECT, VERIFIER));
    }

    @Test
    void expiryIsCheckedBeforeTheRedirectAndTheVerifier() {
        world.advance(AuthorizationCodes.LIFETIME);
        assertFails(ErrorCode.EXPIRED_TOKEN, () -> grant.exchange(client, code, "http://127.0.0.1/other", "short"));
    }

    @Test
    void theRedirectUriMustBeExactlyTheOneOfTheRequest() {
        for (String other : List.of("http://127.0.0.1:49153/oauth/callback", "http://localhost:49152/oauth/callback",
                "http://127.0.0.1:49152/oauth/callback/", "http://127.0.0.1:49152/oauth/callback?x=1")) {
            String fresh = issue(VERIFIER);
            assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, fresh, other, VERIFIER));
        }
    }

    @Test
    void theVerifierMustHashToTheChallenge() {
        String other = "x".repeat(43);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, other));
        String plain = issue(VERIFIER);
        // the "plain" method is not supported: the challenge itself is not a verifier
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, plain, REDIRECT, challenge(VERIFIER)));
    }

    @Test
    void theVerifierMustHaveTheRfc7636FormEvenWhenItsHashMatches() {
        String tooShort = "a".repeat(42);
        String shortCode = issue(tooShort);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, shortCode, REDIRECT, tooShort));
        String tooLong = "a".repeat(129);
        String longCode = issue(tooLong);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, longCode, REDIRECT, tooLong));
        String badCharacter = "a".repeat(42) + "+";
        String badCode = issue(badCharacter);
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, badCode, REDIRECT, badCharacter));
        String longest = "a-._~".repeat(25) + "abc";
        String longestCode = issue(longest);
        assertThat(grant.exchange(client, longestCode, REDIRECT, longest)).as("128 characters, all four marks").isNotNull();
    }

    @Test
    void aCodeFromASessionThatHasEndedGivesNoTokens() {
        world.gatehouse.sessions().end(session.id());
        assertFails(ErrorCode.INVALID_GRANT, () -> grant.exchange(client, code, REDIRECT, VERIFIER));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
