package dev.gatehouse.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link java.net.http.HttpClient} refuses to send
 * (malformed targets, oversized headers, a body shorter than its Content-Length). Every read has a
 * timeout, so a server that never answers fails the test instead of hanging the build.
 */
final class RawHttp {
    static final int READ_TIMEOUT_MILLIS = 5000;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private RawHttp() {
    }

    /** What came back: a response, or the connection closed (FIN or RST) before any response byte. */
    sealed interface Outcome permits Answered, Closed {
    }

    record Answered(Response response) implements Outcome {
    }

    record Closed(String how) implements Outcome {
    }

    record Response(int status, String statusLine, List<String[]> headers, String body) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line; a Host header is added)
     * and then {@code body}, which may be shorter than the Content-Length the head declares, and reads
     * one response.
     */
    static Outcome send(URI base, String head, byte[] body) throws IOException {
        try (Socket socket = connect(base, null)) {
            try {
                write(socket, base, head, body);
            } catch (SocketException e) {
                // the server may answer (and close) before it has read everything; the answer is still readable
            }
            return read(socket.getInputStream());
        }
    }

    /**
     * Opens a connection (from {@code local}, or any address if null), sends {@code head} and
     * {@code body} as {@link #send} does, and leaves the answer to {@link #receive}.
     */
    static Socket open(URI base, InetAddress local, String head, byte[] body) throws IOException {
        Socket socket = connect(base, local);
        try {
            write(socket, base, head, body);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket connect(URI base, InetAddress local) throws IOException {
        Socket socket = new Socket();
        try {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** {@code head} with a Host header and the blank line, then {@code body}. */
    private static void write(Socket socket, URI base, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Reads one answer from a connection {@link #open} made. */
    static Outcome receive(Socket socket) throws IOException {
        return read(socket.getInputStream());
    }

    static Outcome send(URI base, String head) throws IOException {
        return send(base, head, new byte[0]);
    }

    /** Like {@link #send} but insists on an answer. */
    static Response exchange(URI base, String head, byte[] body) throws IOException {
        Outcome outcome = send(base, head, body);
        if (outcome instanceof Answered(Response response)) {
            return response;
        }
        throw new AssertionError("Connection closed without a response (" + ((Closed) outcome).how() + ") for: "
                + head.lines().findFirst().orElse(head));
    }

    static Response exchange(URI base, String head) throws IOException {
        return exchange(base, head, new byte[0]);
    }

    private static Outcome read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        try {
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return headBytes.size() == 0
                            ? new Closed("closed cleanly (EOF)")
                            : fail("connection closed inside the response head: " + headBytes);
                }
                headBytes.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (headBytes.size() > 64 * 1024) {
                    return fail("response head longer than 64 KiB");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No response within " + READ_TIMEOUT_MILLIS + " ms (the server hangs)", e);
        } catch (SocketException e) {
            if (headBytes.size() == 0) {
                return new Closed("reset: " + e.getMessage());
            }
            throw e;
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
        }
        Response partial = new Response(status, statusLine, headers, "");
        byte[] body;
        try {
            Optional<String> length = partial.header("Content-Length");
            if (length.isPresent()) {
                body = in.readNBytes(Integer.parseInt(length.get()));
            } else if (partial.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
                body = readChunked(in);
            } else if (partial.header("Connection").map(v -> v.equalsIgnoreCase("close")).orElse(false)) {
                body = readToEnd(in);
            } else {
                body = new byte[0];
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Response body not complete within " + READ_TIMEOUT_MILLIS + " ms", e);
        }
        return new Answered(new Response(status, statusLine, headers, new String(body, StandardCharsets.UTF_8)));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
            if (body.size() > MAX_RESPONSE_BYTES) {
                throw new AssertionError("response body too long");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            body.write(buffer, 0, n);
            if (body.size() > MAX_RESPONSE_BYTES) {
                throw new AssertionError("response body too long");
            }
        }
        return body.toByteArray();
    }

    private static Outcome fail(String message) {
        throw new AssertionError(message);
    }
}
