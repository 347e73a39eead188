package dev.gatehouse.server.web;

import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.http.RequestOrigins;
import dev.gatehouse.server.metrics.ServerMetrics;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web foundation on a random loopback port with placeholder pages, wired as the real page
 * handlers will be: {@link PageDispatcher} on virtual threads, {@link Csrf} on every form,
 * {@link Forms} for bodies, 303 redirects after a successful POST.
 */
final class WebTestServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    final Pages pages;
    final Csrf csrf = new Csrf(new byte[32], exchange -> null); // no sign-in session to bind to here
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Undertow undertow;
    private final URI baseUrl;

    WebTestServer() {
        StaticFiles statics = new StaticFiles();
        pages = new Pages(statics);
        RoutingHandler routes = new RoutingHandler()
                .get("/static/{file}", statics)
                .get("/sign-in", page(this::signInPage))
                .post("/sign-in", page(this::signIn))
                .get("/device", page(ex -> pages.page(200, Pages.DEVICE_CODE, withCsrf(ex, SamplePages.deviceCode()))))
                .post("/device", page(this::deviceCode))
                .get("/consent", page(this::consentPage))
                .post("/consent", page(this::consent))
                .get("/portal", page(ex -> pages.page(200, Pages.PORTAL, withCsrf(ex, SamplePages.portal(false)))))
                .post("/portal/credentials", page(this::credentials))
                .post("/sign-out", page(this::signOut))
                .get("/message", page(ex -> pages.message(200, "success", "Device approved",
                        "You can close this window and return to your terminal.")))
                .post("/echo", page(this::echo))
                .get("/boom", page(ex -> {
                    throw new IllegalStateException("placeholder failure");
                }));
        undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setIoThreads(2)
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024)
                .setHandler(routes)
                .build();
        undertow.start();
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
        baseUrl = URI.create("http://127.0.0.1:" + address.getPort());
    }

    URI url(String path) {
        return baseUrl.resolve(path);
    }

    int port() {
        return baseUrl.getPort();
    }

    private PageDispatcher page(PageHandler handler) {
        return new PageDispatcher(pages, handler, executor, ServerMetrics.create().pages(),
                new RequestOrigins(new ClientAddresses(List.of())));
    }

    private Map<String, Object> withCsrf(HttpServerExchange exchange, Map<String, Object> model) {
        Map<String, Object> copy = new HashMap<>(model);
        copy.put("csrf", csrf.ensureCookie(exchange));
        return copy;
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }

    private PageResponse signInPage(HttpServerExchange exchange) {
        Map<String, Object> model = withCsrf(exchange, SamplePages.signIn());
        model.put("otp", "1".equals(query(exchange, "otp")));
        model.put("error", query(exchange, "error"));
        return pages.page(200, Pages.SIGN_IN, model);
    }

    private PageResponse signIn(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        if (!"state-xyz".equals(form.get("state"))) {
            return pages.message(400, "error", "Sign-in request lost", "The hidden fields did not come back.");
        }
        if (USER.equals(form.get("username")) && PASSWORD.equals(form.get("password"))) {
            return PageResponse.redirect("/portal");
        }
        Map<String, Object> model = withCsrf(exchange, SamplePages.signIn());
        model.put("username", form.get("username"));
        model.put("error", "Incorrect username or password.");
        return pages.page(401, Pages.SIGN_IN, model);
    }

    private PageResponse deviceCode(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String code = form.getOrDefault("user_code", "").trim().toUpperCase(Locale.ROOT);
        return PageResponse.redirect("/consent?user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    private PageResponse consentPage(HttpServerExchange exchange) {
        Map<String, Object> model = withCsrf(exchange, SamplePages.consent(true));
        String code = query(exchange, "user_code");
        if (code != null) {
            model.put("userCode", code);
        }
        return pages.page(200, Pages.CONSENT, model);
    }

    private PageResponse consent(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        return switch (form.getOrDefault("action", "")) {
            case "approve" -> pages.message(200, "success", "Device approved",
                    "You can close this window and return to your terminal.");
            case "deny" -> pages.message(200, "info", "Request denied", "No access was given. You can close this window.");
            default -> pages.message(400, "error", "Unknown choice", "Choose Allow or Deny.");
        };
    }

    private PageResponse credentials(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        Map<String, Object> model = withCsrf(exchange, SamplePages.portal(false));
        String accountName = "111122223333".equals(form.get("account_id")) ? "Production" : "Development";
        model.put("credentials", SamplePages.credentials(form.get("account_id"), accountName, form.get("role_name")));
        return pages.page(200, Pages.PORTAL, model);
    }

    private PageResponse signOut(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        Cookies.clear(exchange, "gh_session", Cookies.SameSite.LAX);
        return pages.message(200, "info", "Signed out", "You have signed out. Your role credentials stay valid until they expire.");
    }

    /** The form fields back as text, one {@code name=value} a line. */
    private PageResponse echo(HttpServerExchange exchange) {
        StringBuilder text = new StringBuilder();
        Forms.read(exchange).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return PageResponse.page(new WireResponse(200, "text/plain; charset=utf-8",
                text.toString().getBytes(StandardCharsets.UTF_8), null));
    }

    @Override
    public void close() {
        undertow.stop();
        executor.shutdownNow();
    }
}
