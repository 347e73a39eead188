package dev.gatehouse.server.flows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI's side of the PKCE redirect: an HTTP listener on 127.0.0.1 and an ephemeral port that
 * answers every GET with 200 "ok" and keeps what it was sent. Every request to any path is kept, so
 * that a test can also say that nothing at all arrived.
 */
final class LoopbackListener implements AutoCloseable {
    static final String CALLBACK_PATH = "/oauth/callback";

    /** One request the listener received. */
    record Received(String method, String path, String rawQuery) {
        /** The decoded query parameters (first value of each). */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return params;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            }
            return params;
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> callbacks = new LinkedBlockingQueue<>();
    private final List<Received> everything = Collections.synchronizedList(new ArrayList<>());

    LoopbackListener() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Received received = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery());
        everything.add(received);
        if (CALLBACK_PATH.equals(uri.getRawPath())) {
            callbacks.add(received);
        }
        byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(CALLBACK_PATH.equals(uri.getRawPath()) ? 200 : 404, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** What the CLI puts in /authorize and CreateToken: the registered URI with the listener's port. */
    String redirectUri() {
        return "http://127.0.0.1:" + port() + CALLBACK_PATH;
    }

    /** The next request to the callback path, waiting up to {@code timeout}; fails when none comes. */
    Received awaitCallback(Duration timeout) {
        try {
            Received received = callbacks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null) {
                throw new AssertionError("The loopback listener received no callback within " + timeout);
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Everything received so far, on any path. */
    List<Received> received() {
        synchronized (everything) {
            return List.copyOf(everything);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
