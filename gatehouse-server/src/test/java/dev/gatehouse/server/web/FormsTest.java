package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Form bodies read on the page handler's virtual thread, through a real Undertow. */
class FormsTest {
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

    private static HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url("/echo")).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void parsesUrlencodedUtf8FirstValueWins() {
        Map<String, String> form = Forms.parse("a=1&b=x+y%26z&a=2&empty=&flag&%C3%A9t%C3%A9=%E2%9C%93&&".getBytes(StandardCharsets.US_ASCII));
        assertThat(form).containsExactly(Map.entry("a", "1"), Map.entry("b", "x y&z"), Map.entry("empty", ""),
                Map.entry("flag", ""), Map.entry("été", "✓"));
        assertThat(Forms.parse(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Forms.parse("a=%zz".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(Forms.FormException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Forms.parse("a=1&".repeat(Forms.MAX_FIELDS + 1).getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(Forms.FormException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void acceptsOnlyUrlencodedUtf8() {
        Forms.checkContentType("application/x-www-form-urlencoded");
        Forms.checkContentType("Application/X-WWW-Form-Urlencoded; charset=UTF-8");
        for (String wrong : new String[] {null, "application/json", "multipart/form-data; boundary=x", "text/plain",
                "application/x-www-form-urlencoded; charset=iso-8859-1"}) {
            assertThatThrownBy(() -> Forms.checkContentType(wrong))
                    .isInstanceOfSatisfying(Forms.FormException.class, e -> assertThat(e.status()).isEqualTo(415));
        }
    }

    @Test
    void readsAFormFromAVirtualThread() throws Exception {
        HttpResponse<String> response = post("application/x-www-form-urlencoded; charset=UTF-8",
                HttpRequest.BodyPublishers.ofString("username=alice&password=p%40ss+word&username=bob"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("username=alice\npassword=p@ss word\n");
    }

    @Test
    void readsAChunkedFormOfExactlyTheLimit() throws Exception {
        String big = "x=" + "a".repeat(Forms.MAX_BYTES - 2);
        HttpResponse<String> response = post("application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.US_ASCII))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(Forms.MAX_BYTES + 1); // the echo adds a newline
    }

    @Test
    void refusesOtherContentTypesWith415() throws Exception {
        HttpResponse<String> response = post("application/json", HttpRequest.BodyPublishers.ofString("{\"a\":1}"));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("Expected a form");
    }

    @Test
    void refusesOversizedFormsWith413() throws Exception {
        byte[] tooBig = ("x=" + "a".repeat(Forms.MAX_BYTES)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> declared = post("application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(tooBig));
        assertThat(declared.statusCode()).isEqualTo(413);

        HttpResponse<String> chunked = post("application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("at most 65536 bytes");
    }

    /** The body arrives after a pause: the virtual thread waits for it without blocking the I/O thread. */
    @Test
    void waitsForABodyThatArrivesLater() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String body = "first=1&second=2";
            out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\nfirst=1").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // meanwhile the server answers others
            assertThat(HTTP.send(HttpRequest.newBuilder(server.url("/message")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            Thread.sleep(300);
            out.write(body.substring("first=1".length()).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("first=1\nsecond=2\n");
        }
    }
}
