package dev.gatehouse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The framing check byte by byte: what well-formed clients send passes, however it is split. */
class RequestFramingTest {
    private static final String CHUNKED_HEAD = "POST /token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** Feeds the text in pieces of {@code piece} bytes; the first problem, or null. */
    private static String check(RequestFraming framing, String text, int piece) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int from = 0; from < bytes.length; from += piece) {
            int to = Math.min(bytes.length, from + piece);
            String problem = framing.check(ByteBuffer.wrap(bytes), from, to);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String check(String text) {
        String whole = check(new RequestFraming(), text, Integer.MAX_VALUE);
        for (int piece = 1; piece <= 7; piece++) {
            assertThat(check(new RequestFraming(), text, piece)).as("split every %d bytes", piece).isEqualTo(whole);
        }
        return whole;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /start HTTP/1.1\r\nHost: x\r\n\r\n",
        "\r\nGET /start HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /start HTTP/1.1\nHost: x\n\n",
        "POST /logout HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\na\rb\r\nc"
                + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
        CHUNKED_HEAD + "5\r\nhe\rlo\r\n1;name=value\r\n!\r\n0\r\n\r\n" + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
        CHUNKED_HEAD + "A \r\n0123456789\r\n0\r\nTrailer: yes\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\ncontent-length:  3 \r\n\r\n\r\r\r",
    })
    void wellFormedRequestsPass(String requests) {
        assertThat(check(requests)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /start HTTP/1.1\r\nHost: x\r\r",
        "GET /start HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n",
        "GET /st\rart HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /logout HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx" + "GET / HTTP/1.1\r\nHost: x\r\r",
        CHUNKED_HEAD + "5\r\nhello\r\n0\r\nTrailer: a\rb\r\n\r\n",
    })
    void aBareCarriageReturnIsRefused(String requests) {
        assertThat(check(requests)).isEqualTo("a CR not followed by LF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz\r\n", "\r\n", "-1\r\n", "x5\r\n", "5x\r\nhello\r\n0\r\n\r\n"})
    void aChunkSizeThatIsNotHexadecimalIsRefused(String body) {
        assertThat(check(CHUNKED_HEAD + body)).isEqualTo("a chunk size that is not a hexadecimal number");
    }

    @Test
    void chunkDataLongerThanItsSizeIsRefused() {
        assertThat(check(CHUNKED_HEAD + "3\r\nhello\r\n0\r\n\r\n")).isEqualTo("chunk data longer than its size");
    }

    @Test
    void aHugeChunkSizeIsRefused() {
        assertThat(check(CHUNKED_HEAD + "1000000000000000\r\n")).isEqualTo("a chunk size that is too large");
    }

    @Test
    void framingItCannotFollowIsLeftToUndertow() {
        assertThat(check("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab\r")).isNull();
        assertThat(check("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n\r\r")).isNull();
    }

    @Test
    void knowsWhenItIsInAHead() {
        RequestFraming framing = new RequestFraming();
        assertThat(framing.inHead()).isTrue();
        assertThat(check(framing, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\na", 100)).isNull();
        assertThat(framing.inHead()).isFalse();
        assertThat(check(framing, "b", 100)).isNull();
        assertThat(framing.inHead()).isTrue();
    }
}
