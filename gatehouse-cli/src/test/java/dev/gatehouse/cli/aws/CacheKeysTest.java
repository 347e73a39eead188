package dev.gatehouse.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The file names must be the AWS CLI's to the letter; the vectors come from its code and the Java SDK's tests. */
class CacheKeysTest {
    @Test
    void tokenFilesAreSha1OfSessionNameOrStartUrl() {
        assertThat(CacheKeys.tokenFile("admin")).isEqualTo("d033e22ae348aeb5660fc2140aec35850c4da997.json");
        assertThat(CacheKeys.tokenFile("https://d-abc123.awsapps.com/start"))
                .isEqualTo("40a89917e3175433e361b710a9d43528d7f1890a.json");
        assertThat(CacheKeys.tokenFile("my-sso")).isEqualTo("0ad374308c5a4e22f723adf10145eafad7c4031c.json");
        assertThat(CacheKeys.tokenFile("https://d-1234567890.awsapps.com/start"))
                .isEqualTo("7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json");
    }

    @Test
    void registrationFileHashesPythonsJsonDumps() {
        assertThat(CacheKeys.registrationFile("https://d-1234567890.awsapps.com/start", "us-east-1",
                List.of("sso:account:access"), "my-sso")).isEqualTo("a8343d65418848d0bc13a5f25cbb32508ceec5d1.json");
    }

    @Test
    void roleCredentialFilesHashCompactJson() {
        assertThat(CacheKeys.roleCredentialsFile("111122223333", "ReadOnly", "my-sso", null))
                .isEqualTo("0521d1f6a6c4e68f9e18540309367cc3cccb6305.json");
        assertThat(CacheKeys.roleCredentialsFile("111122223333", "ReadOnly", null, "https://d-1234567890.awsapps.com/start"))
                .isEqualTo("417c90ed1b57b636208f01348e75fbf5c9a91a50.json");
    }

    @Test
    void pythonJsonEscapesLikePython() {
        assertThat(CacheKeys.pythonJson(java.util.Map.of("k", "é\"x", "a", java.util.Arrays.asList("b", null)), ", ", ": "))
                .isEqualTo("{\"a\": [\"b\", null], \"k\": \"\\u00e9\\\"x\"}");
    }
}
