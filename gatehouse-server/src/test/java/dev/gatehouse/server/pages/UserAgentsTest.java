package dev.gatehouse.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** User-Agent headers as the sessions page shows them. */
class UserAgentsTest {
    @Test
    void browsersByFamilyMajorVersionAndSystem() {
        assertThat(UserAgents.shortened("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.6778.85 Safari/537.36")).isEqualTo("Chrome 131 on Linux");
        assertThat(UserAgents.shortened("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/131.0.6778.85 Safari/537.36")).isEqualTo("Chrome (headless) 131 on Linux");
        assertThat(UserAgents.shortened("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70")).isEqualTo("Edge 131 on Windows");
        assertThat(UserAgents.shortened("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox 133 on macOS");
        assertThat(UserAgents.shortened("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo("Safari 18 on iOS");
    }

    @Test
    void awsToolsByNameAndVersion() {
        assertThat(UserAgents.shortened("aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1 md/arch#x86_64"))
                .isEqualTo("aws-cli 2.22");
        assertThat(UserAgents.shortened("aws-sdk-java/2.29.20 Linux/6.1 OpenJDK_64-Bit_Server_VM/21.0.5"))
                .isEqualTo("aws-sdk-java 2.29");
    }

    @Test
    void anythingElseCutToItsFirstCharacters() {
        assertThat(UserAgents.shortened("curl/8.5.0")).isEqualTo("curl/8.5.0");
        String tooLong = "x".repeat(UserAgents.MAX_SHOWN + 1);
        assertThat(UserAgents.shortened(tooLong)).isEqualTo("x".repeat(UserAgents.MAX_SHOWN) + "…");
    }
}
