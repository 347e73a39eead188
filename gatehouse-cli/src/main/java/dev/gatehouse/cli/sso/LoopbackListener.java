package dev.gatehouse.cli.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the browser comes back to at the end of a PKCE sign-in: an HTTP listener on 127.0.0.1 and a
 * free port, answering {@code GET /oauth/callback} with a small page that says the window can be
 * closed, and keeping the first callback's query parameters. Anything else is 404.
 */
public final class LoopbackListener implements AutoCloseable {
    public static final String CALLBACK_PATH = "/oauth/callback";
    /** What RegisterClient is given: the loopback redirect without a port (RFC 8252 §7.3). */
    public static final String REGISTERED_REDIRECT_URI = "http://127.0.0.1" + CALLBACK_PATH;

    private static final String DONE_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Gatehouse sign-in</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 3rem;">
            <h1>%s</h1><p>You can close this window and return to the terminal.</p>
            </body></html>
            """;

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

    private LoopbackListener(HttpServer server) {
        this.server = server;
    }

    public static LoopbackListener start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackListener listener = new LoopbackListener(server);
        server.createContext("/", listener::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return listener;
    }

    /** {@code http://127.0.0.1:<port>/oauth/callback}: what /authorize and CreateToken are given. */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
    }

    /** The first callback's parameters; empty when none came in time. */
    public Optional<Map<String, String>> awaitCallback(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !CALLBACK_PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            boolean first = callback.complete(params);
            String heading = !first ? "This sign-in was already handled"
                    : params.containsKey("error") ? "Sign-in did not complete" : "Sign-in complete";
            byte[] body = DONE_PAGE.formatted(heading).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException badEscape) {
                // ignore a malformed pair
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
