package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill PID} (SIGTERM) stops {@code gatehouse serve} gracefully: it stops accepting, lets the
 * request in flight finish, closes the store, says so, and exits 0 (before: exit 143, no message).
 * The request in flight is a RegisterClient whose body the test holds back until the stop has begun;
 * its registration must survive into the next run on the same data.
 */
class ServeStopTest {
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^gatehouse_requests_in_flight(?:\\{[^}]*\\})? ([0-9.]+)");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermFinishesTheRequestInFlightClosesTheStoreAndExitsZero() throws Exception {
        byte[] body = "{\"clientName\":\"in-flight\",\"clientType\":\"public\"}".getBytes(StandardCharsets.UTF_8);
        String registration;
        try (ServerProcess server = ServerProcess.start(dataDir);
             Socket socket = new Socket(server.baseUrl().getHost(), server.baseUrl().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /client/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            awaitInFlight(server.baseUrl(), 1);

            server.terminate();
            assertThat(server.awaitLine("gatehouse: SIGTERM received, stopping"))
                    .contains("no new connections").contains("1 request(s) in flight");
            assertThatThrownBy(() -> new Socket(server.baseUrl().getHost(), server.baseUrl().getPort()).close())
                    .as("no new connections once stopping").isInstanceOf(ConnectException.class);

            out.write(body, 10, body.length - 10);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            registration = readToEnd(in);
            assertThat(server.awaitExit()).isZero();
            assertThat(server.output()).contains("gatehouse: stopped; store closed");
        }

        try (ServerProcess again = ServerProcess.start(dataDir)) {
            URI base = again.baseUrl();
            String start = "{\"clientId\":\"" + field(registration, "clientId") + "\",\"clientSecret\":\""
                    + field(registration, "clientSecret") + "\",\"startUrl\":\"" + base + "/start\"}";
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(base.resolve("/device_authorization"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(start)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        }
    }

    /** Waits until {@code requests} are in flight besides the scrape that asks. */
    private void awaitInFlight(URI base, int requests) throws Exception {
        double seen = -1;
        for (int i = 0; i < 500; i++) {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = IN_FLIGHT.matcher(metrics);
            seen = m.find() ? Double.parseDouble(m.group(1)) - 1 : -1;
            if (seen == requests) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("expected " + requests + " requests in flight, saw " + seen);
    }

    private static String readToEnd(BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
