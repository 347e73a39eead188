package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebTestServer server;

    @BeforeAll
    static void start() {
        server = new WebTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheStylesheetWithLongCacheHeaders() throws Exception {
        String href = new StaticFiles().url(StaticFiles.STYLESHEET);
        HttpResponse<String> css = get(href, null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(href).endsWith("?v=" + etag.replace("\"", ""));
        assertThat(css.body()).contains("font-family: system-ui").contains(":focus-visible")
                .doesNotContain("@import").doesNotContain("url(");

        HttpResponse<String> again = get("/static/gatehouse.css", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void servesTheIconAndNothingElse() throws Exception {
        HttpResponse<String> icon = get("/static/favicon.svg", null);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");

        assertThat(get("/static/missing.css", null).statusCode()).isEqualTo(404);
        assertThat(get("/static/..%2Fweb%2Ftemplates%2Flayout.mustache", null).statusCode()).isEqualTo(404);
    }
}
