package dev.gatehouse.domain.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 key "12345678901234567890", here in base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void base32DecodesTheRfcKey() {
        assertThat(new String(Totp.decodeBase32(RFC_KEY), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
    }

    @Test
    void matchesRfc6238VectorsTruncatedToSixDigits() {
        // 8-digit vectors 94287082, 07081804, 14050471, 89005924 → last six digits
        assertThat(Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
        assertThat(Totp.codeAt(RFC_KEY, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String current = Totp.codeAt(RFC_KEY, now);
        assertThat(Totp.matchingStep(RFC_KEY, current, now)).hasValue(now.getEpochSecond() / 30);
        assertThat(Totp.matchingStep(RFC_KEY, current, now.plusSeconds(30))).isPresent();
        assertThat(Totp.matchingStep(RFC_KEY, current, now.minusSeconds(30))).isPresent();
        assertThat(Totp.matchingStep(RFC_KEY, current, now.plusSeconds(90))).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "abcdef", now)).isEmpty();
    }
}
