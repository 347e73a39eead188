package dev.gatehouse.server.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The stylesheet and icon of the pages, read from {@code web/static/} on the class path once, held
 * in memory and answered on the I/O thread. Pages link them with a content hash in the query
 * ({@link #url}), so browsers may cache them for a year and still see a new version at once.
 * Mount it as {@code GET /static/*}.
 */
public final class StaticFiles implements HttpHandler {
    public static final String PREFIX = "/static/";
    public static final String STYLESHEET = "gatehouse.css";
    public static final String ICON = "favicon.svg";

    private static final HttpString CACHE_CONTROL = HttpString.tryFromString("Cache-Control");
    private static final HttpString CONTENT_TYPE_OPTIONS = HttpString.tryFromString("X-Content-Type-Options");
    private static final byte[] NOT_FOUND = "Not found\n".getBytes(StandardCharsets.US_ASCII);

    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    public StaticFiles() {
        this.assets = Map.of(
                STYLESHEET, load(STYLESHEET, "text/css; charset=utf-8"),
                ICON, load(ICON, "image/svg+xml"));
    }

    /** The path to link a file with, e.g. {@code /static/gatehouse.css?v=1f2e3d4c5b6a}. */
    public String url(String file) {
        Asset asset = assets.get(file);
        if (asset == null) {
            throw new IllegalArgumentException("No static file " + file);
        }
        return PREFIX + file + "?v=" + asset.etag();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        Asset asset = path.startsWith(PREFIX) ? assets.get(path.substring(PREFIX.length())) : null;
        exchange.getResponseHeaders().put(CONTENT_TYPE_OPTIONS, "nosniff");
        if (asset == null) {
            exchange.setStatusCode(404);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send(ByteBuffer.wrap(NOT_FOUND));
            return;
        }
        String quoted = '"' + asset.etag() + '"';
        exchange.getResponseHeaders().put(CACHE_CONTROL, "public, max-age=31536000, immutable");
        exchange.getResponseHeaders().put(Headers.ETAG, quoted);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(quoted) || ifNoneMatch.trim().equals("*"))) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.contentType());
        exchange.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
    }

    private static Asset load(String file, String contentType) {
        String resource = "web/static/" + file;
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class path resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
