package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void secretRoundTripsAndMatchesItsOwnHashOnly() {
        BearerToken token = BearerToken.generate(TokenKind.ACCESS);
        BearerToken parsed = BearerToken.parse(TokenKind.ACCESS, token.secret()).orElseThrow();
        assertThat(parsed.id()).isEqualTo(token.id());
        assertThat(parsed.matches(token.hash())).isTrue();
        assertThat(BearerToken.generate(TokenKind.ACCESS).matches(token.hash())).isFalse();
    }

    @Test
    void secretCarriesAtLeast256RandomBitsAndIsNeverPrinted() {
        BearerToken token = BearerToken.generate(TokenKind.ACCESS);
        assertThat(token.secret()).startsWith("ghat_").hasSize(5 + 64);
        assertThat(token.toString()).doesNotContain(token.secret().substring(5 + 22));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(BearerToken.generate(TokenKind.ACCESS).id());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void foreignOrDamagedTextIsNoToken() {
        String secret = BearerToken.generate(TokenKind.ACCESS).secret();
        assertThat(BearerToken.parse(TokenKind.REFRESH, secret)).isEmpty();
        assertThat(BearerToken.parse(TokenKind.ACCESS, secret.substring(1))).isEmpty();
        assertThat(BearerToken.parse(TokenKind.ACCESS, secret.substring(0, 60) + "!!!!!!!!!")).isEmpty();
        assertThat(BearerToken.parse(TokenKind.ACCESS, "")).isEmpty();
        assertThat(BearerToken.parse(TokenKind.ACCESS, null)).isEmpty();
    }
}
