package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a request's origin keeps of its User-Agent: a bounded, printable text, whatever the client sent. */
class RequestOriginTest {
    @Test
    void theUserAgentIsCutShortAndHoldsNoControlCharacter() {
        RequestOrigin huge = new RequestOrigin(Optional.empty(), Optional.empty(), Optional.of("x".repeat(100_000)));
        assertThat(huge.userAgent().orElseThrow()).hasSize(256);

        RequestOrigin odd = new RequestOrigin(Optional.empty(), Optional.empty(), Optional.of("curl\u0000/8\n\u001b[2J"));
        assertThat(odd.userAgent()).contains("curl?/8??[2J");
    }
}
