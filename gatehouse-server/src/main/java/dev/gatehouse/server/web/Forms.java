package dev.gatehouse.server.web;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.wire.UrlEncodedForm;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} POST body, from the virtual thread a page
 * handler runs on. The body is read from the request channel without switching the exchange to
 * blocking mode (so the response can still be written on the I/O thread): when no bytes are ready
 * the virtual thread parks until the I/O thread's read listener says the channel is readable. (Not
 * XNIO's {@code awaitReadable}, which on a virtual thread pins its carrier in {@code Selector.select}
 * and opens a thread-local selector per thread, closed only by finalization.)
 */
public final class Forms {
    /** The largest form accepted. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The most fields accepted. */
    public static final int MAX_FIELDS = UrlEncodedForm.MAX_FIELDS;
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private static final FormException TOO_LARGE = new FormException(413, "A form may have at most " + MAX_BYTES + " bytes");

    private Forms() {
    }

    /** Why a form was refused; {@code status} is the HTTP status to answer with. */
    public static final class FormException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public FormException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The form's fields, first value of each name, in the order they came.
     *
     * @throws FormException 415 for another content type, 413 for a body over {@link #MAX_BYTES},
     *     400 for a malformed body or a control character in it, 408 when the client stops sending
     */
    public static Map<String, String> read(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            throw new IllegalStateException("Forms.read blocks: call it from the page handler's virtual thread");
        }
        checkContentType(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
        if (exchange.getRequestContentLength() > MAX_BYTES) {
            exchange.setPersistent(false); // do not drain the rest of the body: close the connection
            throw TOO_LARGE;
        }
        return parse(readBody(exchange));
    }

    static void checkContentType(String contentType) {
        if (contentType == null) {
            throw new FormException(415, "Expected a form (" + FORM_TYPE + ")");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(FORM_TYPE)) {
            throw new FormException(415, "Expected a form (" + FORM_TYPE + "), got " + parts[0].trim());
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("us-ascii")) {
                    throw new FormException(415, "Forms must be sent in UTF-8");
                }
            }
        }
    }

    /** Parses a urlencoded body (UTF-8; '+' is a space); a malformed one, or one with a control character, is a 400. */
    public static Map<String, String> parse(byte[] body) {
        try {
            return UrlEncodedForm.parse(body);
        } catch (GatehouseException e) {
            throw new FormException(400, e.getMessage());
        }
    }

    private static byte[] readBody(HttpServerExchange exchange) {
        try {
            return RequestBody.read(exchange, MAX_BYTES, 0);
        } catch (RequestBody.TooLargeException e) {
            throw TOO_LARGE;
        } catch (RequestBody.TimeoutException e) {
            throw new FormException(408, "The form was not sent in time");
        } catch (IOException e) {
            throw new FormException(400, "The form could not be read");
        }
    }
}
