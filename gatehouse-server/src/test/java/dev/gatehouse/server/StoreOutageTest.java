package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.signin.SignIn;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the store cannot serve, every route says so with a 503 (never a 500), and /health says why. */
class StoreOutageTest {
    @TempDir
    Path dataDir;
    TestService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(service.baseUrl().resolve(path)).timeout(Duration.ofSeconds(10))
                .header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesApiAndHealthAnswer503WhileTheStoreIsDown() throws Exception {
        service = new TestService(dataDir);
        String accessToken = service.signIn("alice");
        var signedIn = (SignIn.SignedIn) service.gatehouse.signIn().attempt(
                new SignIn.Attempt("alice", TestDirectory.PASSWORD, null, null, "127.0.0.1"));
        String cookie = "gh_session=" + signedIn.browserToken().secret();
        assertThat(get("/portal", "Cookie", cookie).statusCode()).isEqualTo(200);

        service.store.close();

        HttpResponse<String> page = get("/portal", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Temporarily unavailable");
        HttpResponse<String> api = get("/assignment/accounts", "x-amz-sso_bearer_token", accessToken);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableException");
        HttpResponse<String> health = get("/health", "Accept", "application/json");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("unavailable").contains("closed");
    }
}
