package dev.gatehouse.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.aws.SsoToken;
import dev.gatehouse.cli.aws.SsoTokenCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse status}: each cached session, when it expires, whether it can refresh. */
class StatusTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path home;

    @Test
    void listsEachCachedSessionWithItsExpiryAndWhetherItCanRefresh() throws Exception {
        CliHarness cli = new CliHarness(home);
        cli.clock = () -> NOW;
        cli.standardConfig(java.net.URI.create("http://127.0.0.1:8080"), java.net.URI.create("http://127.0.0.1:8080"));
        SsoTokenCache cache = new SsoTokenCache(cli.files().ssoCache());
        cache.write("gh", new SsoToken("http://127.0.0.1:8080/start", "us-east-1", "a1", NOW.plus(Duration.ofMinutes(42)),
                Optional.of("c"), Optional.of("s"), Optional.of(NOW.plus(Duration.ofDays(80))), Optional.of("r")));
        cache.write("second", new SsoToken("http://127.0.0.1:8080/start", "eu-west-1", "a2", NOW.minus(Duration.ofHours(2)),
                Optional.of("c"), Optional.of("s"), Optional.of(NOW.minus(Duration.ofDays(1))), Optional.of("r")));
        cache.write("http://127.0.0.1:8080/start", new SsoToken("http://127.0.0.1:8080/start", "us-east-1", "a3",
                NOW.plus(Duration.ofHours(3)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        Files.writeString(cli.files().ssoCache().resolve("registration.json"),
                "{\"clientId\": \"c\", \"clientSecret\": \"s\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}");

        CliHarness.Result result = cli.run("status");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("""
                        sso-session gh
                          start URL:   http://127.0.0.1:8080/start
                          region:      us-east-1
                          expires at:  2026-11-24T12:42:00Z (in 42 min)
                          can refresh: yes (client registration until 2027-02-12T12:00:00Z)
                        """)
                .contains("""
                        sso-session second
                          start URL:   http://127.0.0.1:8080/start
                          region:      eu-west-1
                          expires at:  2026-11-24T10:00:00Z (expired)
                          can refresh: no (the client registration expired)
                        """)
                .contains("""
                        profile old (legacy, no sso-session)
                          start URL:   http://127.0.0.1:8080/start
                          region:      us-east-1
                          expires at:  2026-11-24T15:00:00Z (in 3 h 0 min)
                          can refresh: no (legacy profile: sign in again when it expires)
                        """)
                .doesNotContain("registration.json");
    }

    @Test
    void nothingCachedSaysHowToSignIn() {
        CliHarness cli = new CliHarness(home);
        CliHarness.Result result = cli.run("status");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("No cached SSO sessions (sign in with: gatehouse login).");
        assertThat(cli.run("status", "--verbose").exitCode()).isEqualTo(2);
    }
}
