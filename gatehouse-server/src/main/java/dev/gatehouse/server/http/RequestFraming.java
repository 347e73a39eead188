package dev.gatehouse.server.http;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Follows the HTTP/1.1 framing of the requests on one connection, byte by byte as they are read, and
 * spots what Undertow's lenient parser would wait on or read past: a bare CR (RFC 9112 §2.2: a CR not
 * followed by LF) in a request head or a chunked body's framing, a chunk size that is not hexadecimal,
 * and chunk data not followed by its line end. Undertow takes {@code "zz"} as chunk size 0 and a bare
 * CR as a line end, then waits for bytes that never come; here such a request is refused at once.
 *
 * <p>It finds message boundaries itself (Content-Length or chunked), so it needs no help from the
 * parser. What it cannot follow (several Content-Length values, another transfer coding) it stops
 * checking: Undertow refuses those requests or reads such a body to the end of the connection.
 */
final class RequestFraming {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** More hex digits than this could overflow a chunk size; Undertow's own limit is lower. */
    private static final int MAX_SIZE_DIGITS = 15;

    private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_EXTENSION, CHUNK_DATA, CHUNK_DATA_END, TRAILER, UNCHECKED }

    private State state = State.HEAD;
    /** The previous byte was a CR, and a LF must follow. */
    private boolean afterCr;
    /** Bytes of the current line (head, size line or trailer), without its line end. */
    private int lineLength;
    /** Lines of the current head seen so far; an empty line before the request line is allowed and skipped. */
    private int headLines;
    private final StringBuilder line = new StringBuilder();
    private long contentLength = -1;
    private int contentLengths;
    private boolean chunked;
    private boolean otherCoding;
    private long remaining;
    private int sizeDigits;

    /** Whether the connection is between requests or inside a request head. */
    boolean inHead() {
        return state == State.HEAD;
    }

    /**
     * Checks the bytes from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @return what is wrong with them, or null if nothing is (so far)
     */
    String check(ByteBuffer bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (state == State.UNCHECKED) {
                return null;
            }
            if (state == State.FIXED_BODY || state == State.CHUNK_DATA) {
                long skip = Math.min(remaining, to - i);
                remaining -= skip;
                i += (int) skip - 1;
                if (remaining == 0) {
                    state = state == State.FIXED_BODY ? State.HEAD : State.CHUNK_DATA_END;
                }
                continue;
            }
            String problem = next(bytes.get(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String next(byte b) {
        if (afterCr && b != LF) {
            return "a CR not followed by LF";
        }
        if (b == CR) {
            afterCr = true;
            return null;
        }
        boolean lineEnd = b == LF;
        afterCr = false;
        return switch (state) {
            case HEAD -> lineEnd ? endHeadLine() : append(b);
            case CHUNK_SIZE -> chunkSize(b);
            case CHUNK_EXTENSION -> lineEnd ? endSizeLine() : null;
            case CHUNK_DATA_END -> lineEnd ? toChunkSize() : "chunk data longer than its size";
            case TRAILER -> lineEnd ? endTrailerLine() : count();
            default -> null;
        };
    }

    private String append(byte b) {
        if (line.length() < 64) {
            line.append((char) (b & 0xFF));
        }
        lineLength++;
        return null;
    }

    private String count() {
        lineLength++;
        return null;
    }

    private String endHeadLine() {
        boolean empty = lineLength == 0;
        if (!empty) {
            headLines++;
            header(line.toString());
        }
        line.setLength(0);
        lineLength = 0;
        if (empty && headLines > 0) {
            return startBody();
        }
        return null;
    }

    /** Notes the two headers that frame the body (names are case-insensitive, values trimmed). */
    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        if (name.equals("content-length")) {
            contentLengths++;
            contentLength = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -2;
        } else if (name.equals("transfer-encoding")) {
            if (value.equals("chunked")) {
                chunked = true;
            } else {
                otherCoding = true;
            }
        }
    }

    private String startBody() {
        headLines = 0;
        State next;
        if (otherCoding || contentLengths > 1 || contentLength == -2 || (chunked && contentLengths > 0)) {
            next = State.UNCHECKED;
        } else if (chunked) {
            remaining = 0;
            next = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            next = State.FIXED_BODY;
        } else {
            next = State.HEAD;
        }
        contentLength = -1;
        contentLengths = 0;
        chunked = false;
        otherCoding = false;
        sizeDigits = 0;
        state = next;
        return null;
    }

    private String chunkSize(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (++sizeDigits > MAX_SIZE_DIGITS) {
                return "a chunk size that is too large";
            }
            remaining = remaining * 16 + digit;
            return null;
        }
        if (sizeDigits == 0) {
            return "a chunk size that is not a hexadecimal number";
        }
        if (b == LF) {
            return endSizeLine();
        }
        if (b == ';' || b == ' ' || b == '\t') {
            state = State.CHUNK_EXTENSION;
            return null;
        }
        return "a chunk size that is not a hexadecimal number";
    }

    private String endSizeLine() {
        sizeDigits = 0;
        if (remaining == 0) {
            lineLength = 0;
            state = State.TRAILER;
        } else {
            state = State.CHUNK_DATA;
        }
        return null;
    }

    private String toChunkSize() {
        remaining = 0;
        state = State.CHUNK_SIZE;
        return null;
    }

    private String endTrailerLine() {
        if (lineLength == 0) {
            state = State.HEAD;
        }
        lineLength = 0;
        return null;
    }
}
