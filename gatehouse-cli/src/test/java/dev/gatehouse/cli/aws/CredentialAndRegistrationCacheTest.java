package dev.gatehouse.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialAndRegistrationCacheTest {
    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void roleCredentialsRoundTripInTheCliShapeAndKeepAssumeRoleEntries() throws Exception {
        RoleCredentialsCache cache = new RoleCredentialsCache(dir);
        Path file = cache.fileFor("111122223333", "ReadOnly", "my-sso", null);
        assertThat(file.getFileName().toString()).isEqualTo("0521d1f6a6c4e68f9e18540309367cc3cccb6305.json");
        cache.write(file, new RoleCredentialsCache.Entry("ASIAX", "secret", "token", NOW.plus(Duration.ofHours(1)), "111122223333"));
        Files.writeString(dir.resolve("assume.json"), "{\"Credentials\": {\"AccessKeyId\": \"ASIAY\"}}");

        assertThat(Files.readString(file)).contains("\"ProviderType\":\"sso\"").contains("\"Expiration\":\"2026-11-24T13:00:00Z\"");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RoleCredentialsCache.Entry entry = cache.read(file).orElseThrow();
        assertThat(entry.usableAt(NOW.plus(Duration.ofMinutes(44)))).isTrue();
        assertThat(entry.usableAt(NOW.plus(Duration.ofMinutes(46)))).isFalse();
        assertThat(cache.ssoEntries()).containsExactly(file);
        assertThat(entry.toString()).doesNotContain("secret").doesNotContain("token");
    }

    @Test
    void registrationsAreReusedOnlyWhileFreshAndOfTheRightKind() throws Exception {
        RegistrationCache cache = new RegistrationCache(dir);
        Path file = cache.fileFor("https://d-1234567890.awsapps.com/start", "us-east-1", List.of("sso:account:access"), "my-sso");
        assertThat(file.getFileName().toString()).isEqualTo("a8343d65418848d0bc13a5f25cbb32508ceec5d1.json");
        cache.write(file, new ClientRegistration("cid", "cs", NOW.plus(Duration.ofDays(90)), List.of("sso:account:access"),
                List.of("authorization_code", "refresh_token")));
        ClientRegistration read = cache.read(file).orElseThrow();
        assertThat(read.reusableAt(NOW, true)).isTrue();
        assertThat(read.reusableAt(NOW, false)).as("a PKCE registration is not a device one").isFalse();
        assertThat(read.reusableAt(NOW.plus(Duration.ofDays(90)).minus(Duration.ofMinutes(10)), true)).isFalse();
        assertThat(new SsoTokenCache(dir).tokenFiles()).as("registrations are not token files").isEmpty();
    }
}
