package dev.gatehouse.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsoTokenCacheTest {
    @TempDir
    Path home;

    @Test
    void writesTheCliFormatPrivatelyAndReadsItBack() throws Exception {
        AwsFiles files = AwsFiles.from(java.util.Map.of("HOME", home.toString()), "/nowhere");
        SsoTokenCache cache = new SsoTokenCache(files.ssoCache());
        SsoToken token = new SsoToken("http://127.0.0.1:8080/start", "us-east-1", "ghat_x",
                Instant.parse("2026-11-24T13:00:00.123Z"), Optional.of("cid"), Optional.of("secret"),
                Optional.of(Instant.parse("2027-02-22T12:00:00Z")), Optional.of("ghrt_y"));
        cache.write("dev", token);

        Path written = cache.fileFor("dev");
        assertThat(written.getFileName().toString()).isEqualTo(CacheKeys.sha1("dev") + ".json");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(files.ssoCache())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String json = Files.readString(written);
        assertThat(json).contains("\"expiresAt\" : \"2026-11-24T13:00:00Z\"")
                .contains("\"registrationExpiresAt\" : \"2027-02-22T12:00:00Z\"")
                .contains("\"startUrl\"").contains("\"region\"").contains("\"clientId\"").contains("\"refreshToken\"");
        assertThat(cache.read("dev").orElseThrow().accessToken()).isEqualTo("ghat_x");
        assertThat(cache.tokenFiles()).containsExactly(written);
    }

    @Test
    void readsWhatTheJsSdkAndTheCliWrite() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(home);
        Files.writeString(home.resolve("a.json"), """
                {"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "aoa",
                 "expiresAt": "2026-01-01T00:00:00.000Z", "clientId": "c", "clientSecret": "s",
                 "registrationExpiresAt": "2026-03-01T00:00:00+00:00", "refreshToken": "r", "extra": 1}""");
        Files.writeString(home.resolve("registration.json"), "{\"clientId\": \"c\", \"expiresAt\": \"2026-01-01T00:00:00Z\"}");
        Files.writeString(home.resolve("junk.json"), "not json");
        SsoToken token = cache.read(home.resolve("a.json")).orElseThrow();
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(token.registrationExpiresAt()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(cache.tokenFiles()).containsExactly(home.resolve("a.json"));
        assertThat(token.toString()).doesNotContain("aoa").doesNotContain("\"r\"");
    }
}
