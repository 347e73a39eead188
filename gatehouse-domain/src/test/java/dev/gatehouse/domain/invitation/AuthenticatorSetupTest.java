package dev.gatehouse.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthenticatorSetupTest {

    @Test
    void aFreshSecretIs160RandomBitsInBase32WithTheUriAppsRead() {
        AuthenticatorSetup one = AuthenticatorSetup.fresh("ann lee@example.com");
        AuthenticatorSetup two = AuthenticatorSetup.fresh("ann lee@example.com");
        assertThat(one.secret()).matches("[A-Z2-7]{32}").isNotEqualTo(two.secret());
        assertThat(one.uri()).isEqualTo("otpauth://totp/Gatehouse%3Aann%20lee%40example.com?secret=" + one.secret()
                + "&issuer=Gatehouse&algorithm=SHA1&digits=6&period=30");
        assertThat(one.toString()).doesNotContain(one.secret());
    }

    @Test
    void onlyASecretOfThatFormIsTakenBack() {
        String secret = AuthenticatorSetup.fresh("ann").secret();
        assertThat(AuthenticatorSetup.of(secret, "ann").secret()).isEqualTo(secret);
        for (String bad : new String[] {null, "", "JBSWY3DPEHPK3PXP", secret.toLowerCase(), secret + "A",
                secret.substring(1) + "1"}) {
            assertThat(AuthenticatorSetup.isWellFormed(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> AuthenticatorSetup.of("JBSWY3DPEHPK3PXP", "ann"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
