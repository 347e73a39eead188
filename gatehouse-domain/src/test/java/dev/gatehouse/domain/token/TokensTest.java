package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.session.SignInSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens: what is issued and stored, and the checks of {@link Tokens#verify}, each on its own. */
class TokensTest {
    private final DomainFixture world = new DomainFixture();
    private final Tokens tokens = world.gatehouse.tokens();
    private final SignInSession session = world.signIn(world.ann);

    @Test
    void aTokenSetIsAnHourOfAccessAndARefreshTokenForTheRestOfTheSession() {
        world.advance(Duration.ofHours(2));
        TokenSet set = tokens.issueTokenSet(session, "client-1");
        assertThat(set.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(set.access().expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofHours(1)));
        assertThat(set.refresh().expiresAt()).isEqualTo(session.expiresAt());
        assertThat(set.access().record().kind()).isEqualTo(TokenKind.ACCESS);
        assertThat(set.refresh().record().kind()).isEqualTo(TokenKind.REFRESH);
        assertThat(set.access().record().clientId()).isEqualTo("client-1");
        assertThat(set.access().record().sessionId()).isEqualTo(session.id());
    }

    @Test
    void theAccessTokenIsCutShortWhenTheSessionEndsWithinTheHour() {
        world.advance(DomainFixture.SESSION.minusMinutes(10));
        TokenSet set = tokens.issueTokenSet(session, "client-1");
        assertThat(set.access().expiresAt()).isEqualTo(session.expiresAt());
        assertThat(set.expiresIn()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theStoreKeepsTheHashOfTheSecretNeverTheSecret() {
        IssuedToken access = tokens.issueAccessToken(session, "client-1");
        TokenRecord stored = world.store.findToken(access.record().id()).orElseThrow();
        String secret = access.secret();
        byte[] raw = Base64.getUrlDecoder().decode(secret.substring(TokenKind.ACCESS.prefix().length()));
        assertThat(secret).startsWith("ghat_").hasSize(5 + 64);
        assertThat(stored.hash()).isEqualTo(sha256(raw)).isNotEqualTo(raw);
        assertThat(new String(stored.hash(), StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(5));
        assertThat(stored.toString()).doesNotContain(secret.substring(5));
        assertThat(access.toString()).doesNotContain(secret.substring(5));
    }

    @Test
    void aTokenIsGoodUntilOneInstantBeforeItsExpiry() {
        IssuedToken access = tokens.issueAccessToken(session, "client-1");
        world.advance(Tokens.ACCESS_TOKEN_LIFETIME.minusSeconds(1));
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).isPresent();
        world.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).as("exactly at expiry").isEmpty();
        world.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).isEmpty();
        assertThat(tokens.find(TokenKind.ACCESS, access.secret())).as("find ignores the state").isPresent();
    }

    @Test
    void verifyReturnsTheTokenWithItsSession() {
        IssuedToken access = tokens.issueAccessToken(session, "client-1");
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).hasValueSatisfying(v -> {
            assertThat(v.session().id()).isEqualTo(session.id());
            assertThat(v.token().id()).isEqualTo(access.record().id());
        });
    }

    @Test
    void aTokenOfAnotherKindIsNotAccepted() {
        TokenSet set = tokens.issueTokenSet(session, "client-1");
        assertThat(tokens.verify(TokenKind.REFRESH, set.access().secret())).isEmpty();
        assertThat(tokens.verify(TokenKind.ACCESS, set.refresh().secret())).isEmpty();
        // the same random part under the other prefix: the record's kind still tells them apart
        String relabelled = TokenKind.REFRESH.prefix() + set.access().secret().substring(TokenKind.ACCESS.prefix().length());
        assertThat(tokens.verify(TokenKind.REFRESH, relabelled)).isEmpty();
        assertThat(tokens.find(TokenKind.REFRESH, relabelled)).isEmpty();
    }

    @Test
    void aSecretWithTheRightIdButOtherBytesIsNotAccepted() {
        IssuedToken access = tokens.issueAccessToken(session, "client-1");
        String secret = access.secret();
        // the id is the first 16 bytes (22 base64url characters after the prefix); change the last one
        char last = secret.charAt(secret.length() - 1);
        String forged = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(BearerToken.parse(TokenKind.ACCESS, forged).orElseThrow().id()).isEqualTo(access.record().id());
        assertThat(tokens.verify(TokenKind.ACCESS, forged)).isEmpty();
        assertThat(tokens.find(TokenKind.ACCESS, forged)).isEmpty();
    }

    @Test
    void malformedSecretsAreUnknown() {
        assertThat(tokens.verify(TokenKind.ACCESS, null)).isEmpty();
        assertThat(tokens.verify(TokenKind.ACCESS, "")).isEmpty();
        assertThat(tokens.verify(TokenKind.ACCESS, "ghat_" + "!".repeat(64))).isEmpty();
        assertThat(tokens.verify(TokenKind.ACCESS, tokens.issueAccessToken(session, "c").secret() + "A")).isEmpty();
    }

    @Test
    void endingTheSessionEndsEveryTokenOfIt() {
        TokenSet set = tokens.issueTokenSet(session, "client-1");
        IssuedToken browser = tokens.issueBrowserToken(session);
        TokenSet otherSession = tokens.issueTokenSet(world.signIn(world.ann), "client-1");
        world.gatehouse.sessions().end(session.id());
        assertThat(tokens.verify(TokenKind.ACCESS, set.access().secret())).isEmpty();
        assertThat(tokens.verify(TokenKind.REFRESH, set.refresh().secret())).isEmpty();
        assertThat(tokens.verify(TokenKind.BROWSER, browser.secret())).isEmpty();
        assertThat(tokens.verify(TokenKind.ACCESS, otherSession.access().secret())).isPresent();
    }

    @Test
    void aTokenDiesWithItsSessionsExpiryEvenIfItsOwnLastsLonger() {
        IssuedToken access = tokens.issueAccessToken(session, "client-1");
        // a record that outlives its session (as an older release or another instance might have written)
        world.store.saveToken(new TokenRecord(access.record().id(), TokenKind.ACCESS, access.record().hash(),
                session.id(), "client-1", access.record().issuedAt(), session.expiresAt().plus(Duration.ofDays(1)),
                Optional.empty()));
        world.advance(DomainFixture.SESSION.minusSeconds(1));
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).isPresent();
        world.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).isEmpty();
    }

    @Test
    void aTokenWhoseSessionIsMissingIsNotAccepted() {
        SignInSession ghost = new SignInSession("no-such-session", "ann", world.clock.instant(),
                world.clock.instant().plus(Duration.ofHours(1)), Optional.empty());
        IssuedToken access = tokens.issueAccessToken(ghost, "client-1");
        assertThat(tokens.verify(TokenKind.ACCESS, access.secret())).isEmpty();
    }

    @Test
    void aRotatedTokenIsSpent() {
        TokenSet set = tokens.issueTokenSet(session, "client-1");
        world.store.updateToken(set.refresh().record().id(), r -> r.rotated(world.clock.instant()));
        assertThat(tokens.verify(TokenKind.REFRESH, set.refresh().secret())).isEmpty();
        assertThat(tokens.find(TokenKind.REFRESH, set.refresh().secret())).isPresent();
    }

    @Test
    void theBrowserTokenLastsAsLongAsTheSession() {
        world.advance(Duration.ofHours(3));
        IssuedToken browser = tokens.issueBrowserToken(session);
        assertThat(browser.expiresAt()).isEqualTo(session.expiresAt());
        assertThat(browser.secret()).startsWith(TokenKind.BROWSER.prefix());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
