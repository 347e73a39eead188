package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose framing is malformed are refused at once with a 400 and a closed connection, not
 * left waiting for bytes that never come (Undertow alone waited 10 s on a bare CR in the head, and
 * took a chunk size "zz" as the last chunk and waited for its trailers). {@link RawHttp} fails any
 * read that takes 5 s.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MalformedFramingTest {
    @TempDir
    Path dataDir;
    TestService service;
    URI base;

    @BeforeEach
    void start() {
        service = new TestService(dataDir);
        base = service.baseUrl();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static void assertRefused(RawHttp.Response response) {
        assertThat(response.status()).as(response.statusLine()).isEqualTo(400);
        assertThat(response.header("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /start HTTP/1.1\r\nX-A: a\r",
        "GET /start HTTP/1.1\r\nX-A: a\rX-B: b",
        "POST /logout HTTP/1.1\r\nX-A: a\rTransfer-Encoding: chunked",
    })
    void aBareCarriageReturnInTheHeadIsRefusedAtOnce(String head) throws Exception {
        assertRefused(RawHttp.exchange(base, head));
        assertThat(RawHttp.exchange(base, "GET /health HTTP/1.1").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /start", "POST /client/register", "POST /logout", "POST /"})
    void anInvalidChunkSizeIsRefusedAtOnce(String requestLine) throws Exception {
        assertRefused(RawHttp.exchange(base, requestLine + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", "zz\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void chunkDataLongerThanItsSizeIsRefusedAtOnce() throws Exception {
        assertRefused(RawHttp.exchange(base, "POST /client/register HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", "2\r\n{}}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    /** The bad chunk arrives while the operation already reads the body; its slot is given back. */
    @Test
    void anInvalidChunkSizeInABodyBeingReadIsRefusedAtOnce() throws Exception {
        try (Socket socket = RawHttp.open(base, null, "POST /client/register HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked", "2\r\n{\"\r\n".getBytes(StandardCharsets.US_ASCII))) {
            service.awaitInFlight(1);
            socket.getOutputStream().write("zz\r\n".getBytes(StandardCharsets.US_ASCII));
            RawHttp.Outcome outcome = RawHttp.receive(socket);
            assertThat(outcome).isInstanceOf(RawHttp.Answered.class);
            RawHttp.Response response = ((RawHttp.Answered) outcome).response();
            assertRefused(response);
        }
        service.awaitInFlight(0);
    }
}
