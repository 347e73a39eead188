package dev.gatehouse.domain.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.store.CounterKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeIdsTest {
    private final DomainFixture fixture = new DomainFixture();
    private final OneTimeIds ids = new OneTimeIds(fixture.store, fixture.clock);

    @Test
    void only_the_first_use_of_an_id_counts() {
        Instant until = fixture.clock.instant().plus(Duration.ofMinutes(5));

        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isTrue();
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isFalse();
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isFalse();
    }

    @Test
    void ids_of_other_kinds_or_values_are_counted_apart() {
        Instant until = fixture.clock.instant().plus(Duration.ofMinutes(5));
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isTrue();

        assertThat(ids.firstUse("saml-assertion", "_a2", until)).isTrue();
        assertThat(ids.firstUse("oidc-nonce", "_a1", until)).isTrue();
    }

    @Test
    void an_id_is_remembered_until_the_instant_given_and_not_after() {
        Instant until = fixture.clock.instant().plus(Duration.ofMinutes(5));
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isTrue();

        fixture.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isFalse();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(ids.firstUse("saml-assertion", "_a1", until)).isTrue();
    }

    @Test
    void the_key_holds_the_id_only_hashed() {
        ids.firstUse("saml-assertion", "_secretish-id", fixture.clock.instant().plusSeconds(60));

        assertThat(fixture.store.findCounter("saml-assertion:_secretish-id", fixture.clock.instant())).isEmpty();
        assertThat(fixture.store.findCounter(CounterKeys.of("saml-assertion", "_secretish-id"),
                fixture.clock.instant())).isPresent();
    }
}
