package dev.gatehouse.server.pages;

import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.domain.signin.SignIn.Attempt;
import dev.gatehouse.server.http.ClientAddresses;
import dev.gatehouse.server.metrics.ServerMetrics;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpServerExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login}: the sign-in form. A right password for a user with a TOTP secret leads to the same
 * form asking for the code, carrying a short-lived, single-use ticket instead of the password, bound
 * to this browser by its CSRF cookie ({@link Csrf#browserKey}). On success the browser gets its session
 * cookie and a fresh CSRF cookie and goes on to {@code next} (a path on this service); the new sign-in
 * session records what it was for, read from {@code next} ({@link SignInVia}). Each outcome is counted in
 * {@code gatehouse.sign_in} (never with the user name).
 *
 * <p>While an external identity provider is the identity source, there is no password sign-in: the
 * page sends the browser on to that provider's start ({@code upstreamStart}, with the same
 * {@code next}), and a password posted anyway is refused. Bootstrap admin keys still sign admin calls.
 */
public final class SignInPage {
    private final SignIn signIn;
    private final SignInVia via;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;
    private final ClientAddresses clientAddresses;
    private final Counter signedInCounter;
    private final Counter needsCodeCounter;
    private final Counter rejectedCounter;
    private final Counter throttledCounter;
    private final Optional<String> upstreamStart;

    /** @param upstreamStart the external identity provider's start path, when one is the identity source */
    public SignInPage(SignIn signIn, DeviceAuthorizations devices, ClientRegistry clients, BrowserSessions browser,
                      Pages pages, Csrf csrf, ClientAddresses clientAddresses, ServerMetrics metrics,
                      Optional<String> upstreamStart) {
        this.upstreamStart = upstreamStart;
        this.signIn = signIn;
        this.via = new SignInVia(devices, clients);
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
        this.clientAddresses = clientAddresses;
        this.signedInCounter = metrics.signIn("signed_in");
        this.needsCodeCounter = metrics.signIn("needs_code");
        this.rejectedCounter = metrics.signIn("rejected");
        this.throttledCounter = metrics.signIn("throttled");
    }

    public PageResponse show(HttpServerExchange exchange) {
        String next = LocalPaths.safeNext(QueryValues.first(exchange, "next"));
        if (browser.current(exchange).isPresent()) {
            return PageResponse.redirect(next);
        }
        if (upstreamStart.isPresent()) {
            return PageResponse.redirect(upstreamStart.get() + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return form(exchange, 200, next, null, null, null);
    }

    public PageResponse submit(HttpServerExchange exchange) {
        if (upstreamStart.isPresent()) {
            rejectedCounter.increment();
            return pages.message(403, "error", "Password sign-in is off",
                    "Sign in through your organisation's identity provider.");
        }
        Map<String, String> form = Forms.read(exchange);
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String next = LocalPaths.safeNext(form.get("next"));
        String address = clientAddresses.of(exchange);
        SignInVia.Via signingInFor = via.of(next);
        SignIn.Outcome outcome = signIn.attempt(new Attempt(form.get("username"), form.get("password"),
                form.get("otp"), form.get("ticket"), address, csrf.browserKey(exchange), signingInFor.method(),
                signingInFor.clientName()));
        return switch (outcome) {
            case SignIn.SignedIn signedIn -> {
                signedInCounter.increment();
                browser.start(exchange, signedIn.session(), signedIn.browserToken());
                csrf.renew(exchange);
                yield PageResponse.redirect(next);
            }
            case SignIn.NeedsCode needsCode -> {
                needsCodeCounter.increment();
                yield form(exchange, needsCode.message().isPresent() ? 401 : 200, next,
                        needsCode.userName(), needsCode.ticket(), needsCode.message().orElse(null));
            }
            case SignIn.Rejected rejected -> {
                rejectedCounter.increment();
                yield form(exchange, 401, next, form.get("username"), null, rejected.message());
            }
            case SignIn.Throttled throttled -> {
                throttledCounter.increment();
                RetryAfter.set(exchange, throttled.retryAfter());
                yield form(exchange, 429, next, form.get("username"), null, throttled.message());
            }
        };
    }

    private PageResponse form(HttpServerExchange exchange, int status, String next, String userName, String ticket,
                              String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("action", "/login");
        Map<String, String> hidden = new HashMap<>();
        hidden.put("next", next);
        if (ticket != null) {
            hidden.put("ticket", ticket);
            model.put("otp", true);
        }
        model.put("hidden", hidden);
        if (userName != null && !userName.isBlank()) {
            model.put("username", userName);
        }
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(status, Pages.SIGN_IN, model);
    }
}
