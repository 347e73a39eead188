package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.client.sso.LogoutCommand;
import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.LogoutInput;
import dev.gatehouse.client.ssooidc.SsoOidcClient;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Default endpoints per region, and settings checked when a client is built. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientBuilderTest {
    @Test
    void theDefaultEndpointsAreTheAwsHostsOfTheRegion() {
        try (SsoClient sso = SsoClient.builder().region("us-east-1").build();
             SsoOidcClient oidc = SsoOidcClient.builder().region("us-east-1").build()) {
            assertThat(sso.endpoint()).isEqualTo(URI.create("https://portal.sso.us-east-1.amazonaws.com"));
            assertThat(oidc.endpoint()).isEqualTo(URI.create("https://oidc.us-east-1.amazonaws.com"));
        }
        try (SsoClient sso = SsoClient.builder().region("eu-central-1").build();
             SsoOidcClient oidc = SsoOidcClient.builder().region("ap-southeast-2").build()) {
            assertThat(sso.endpoint()).hasToString("https://portal.sso.eu-central-1.amazonaws.com");
            assertThat(oidc.endpoint()).hasToString("https://oidc.ap-southeast-2.amazonaws.com");
        }
        try (SsoClient sso = SsoClient.builder().region("cn-north-1").build()) {
            assertThat(sso.endpoint()).hasToString("https://portal.sso.cn-north-1.amazonaws.com.cn");
        }
    }

    @Test
    void theOverrideWinsOverTheRegion() {
        try (SsoClient sso = SsoClient.builder().region("eu-west-1").endpointOverride(URI.create("http://127.0.0.1:8080")).build()) {
            assertThat(sso.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        }
    }

    @Test
    void wrongSettingsFailWhenBuiltWithAMessageThatSaysWhatToChange() {
        assertThatThrownBy(() -> SsoClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SsoClient needs a region").hasMessageContaining("endpointOverride");
        assertThatThrownBy(() -> SsoOidcClient.builder().build()).hasMessageContaining("SsoOidcClient");
        assertThatThrownBy(() -> SsoClient.builder().region("US East 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> SsoClient.builder().endpointOverride(URI.create("ftp://host")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> SsoClient.builder().endpointOverride(URI.create("/relative")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SsoClient.builder().endpointOverride(URI.create("http://h/?a=b")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> SsoClient.builder().region("us-east-1").requestTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> SsoClient.builder().region("us-east-1").connectTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> SsoClient.builder().region("us-east-1").maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> SsoClient.builder().region("us-east-1").httpClient(http)
                    .connectTimeout(Duration.ofSeconds(1)).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("connectTimeout");
        }
    }

    @Test
    void aGivenHttpClientIsUsedAndNotClosed() {
        try (LocalServer server = LocalServer.start(Reply.json(200, ""));
             HttpClient http = HttpClient.newHttpClient()) {
            try (SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl()).httpClient(http).build()) {
                sso.send(new LogoutCommand(LogoutInput.of("t")));
            }
            assertThat(http.isTerminated()).isFalse();
            try (SsoClient again = SsoClient.builder().endpointOverride(server.baseUrl()).httpClient(http).build()) {
                again.send(new LogoutCommand(LogoutInput.of("t")));
            }
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void requestsIdentifyTheClient() {
        try (LocalServer server = LocalServer.start(Reply.json(200, ""));
             SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl()).build()) {
            sso.send(new LogoutCommand(LogoutInput.of("t")));
            assertThat(server.only().header("User-Agent")).startsWith("gatehouse-client/");
            assertThat(server.only().header("Accept")).isEqualTo("application/json");
        }
    }
}
