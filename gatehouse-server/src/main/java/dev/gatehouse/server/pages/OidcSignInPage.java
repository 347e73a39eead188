package dev.gatehouse.server.pages;

import com.nimbusds.oauth2.sdk.GeneralException;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.UpstreamSignIn;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.server.federation.oidc.OidcSignIn;
import dev.gatehouse.server.http.BaseUrl;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through the OpenID Connect provider, when it is the identity source. {@code GET
 * /federation/oidc/start?next=…} sends the browser to the provider ({@link OidcSignIn#start});
 * {@code GET /federation/oidc/callback} takes its answer: once {@link OidcSignIn#finish} has checked
 * it, the identity is matched to a directory user (or made just in time, if the source says so) and
 * the Gatehouse session starts exactly as a password sign-in starts it — the session cookie, a fresh
 * CSRF cookie, what the sign-in is for read from {@code next} ({@link SignInVia}) — and the browser
 * goes on to {@code next}. Any refusal is an error page and a {@code SignInFailed} audit record.
 */
public final class OidcSignInPage {
    public static final String START = "/federation/oidc/start";
    public static final String CALLBACK = "/federation/oidc/callback";

    private static final String PROTOCOL = "oidc";

    private final OidcSignIn oidc;
    private final UpstreamSignIn upstream;
    private final SignInVia via;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public OidcSignInPage(OidcSignIn oidc, UpstreamSignIn upstream, DeviceAuthorizations devices,
                          ClientRegistry clients, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.oidc = oidc;
        this.upstream = upstream;
        this.via = new SignInVia(devices, clients);
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse start(HttpServerExchange exchange) {
        String next = LocalPaths.safeNext(QueryValues.first(exchange, "next"));
        if (browser.current(exchange).isPresent()) {
            return PageResponse.redirect(next);
        }
        try {
            return PageResponse.redirect(oidc.start(exchange, next, callbackUri(exchange)).toString());
        } catch (IOException | GeneralException e) {
            return refused(oidc.unavailable(next));
        }
    }

    public PageResponse callback(HttpServerExchange exchange) {
        IdentitySource.OidcProvider source = oidc.source();
        return switch (oidc.finish(exchange, callbackUri(exchange))) {
            case OidcSignIn.Refused refused -> refused(refused);
            case OidcSignIn.Finished finished -> {
                String next = LocalPaths.safeNext(finished.next());
                Optional<User> user = upstream.userFor(finished.identity(), source.match(), source.justInTimeUsers());
                if (user.isEmpty()) {
                    yield refused(new OidcSignIn.Refused(403, "unknown_user", "You signed in at your identity "
                            + "provider, but Gatehouse has no user for you. Ask your administrator to add you.", next));
                }
                SignInVia.Via signingInFor = via.of(next);
                SignIn.SignedIn signedIn = upstream.signIn(finished.identity(), user.get(), signingInFor.method(),
                        signingInFor.clientName());
                browser.start(exchange, signedIn.session(), signedIn.browserToken());
                csrf.renew(exchange);
                yield PageResponse.redirect(next);
            }
        };
    }

    private PageResponse refused(OidcSignIn.Refused refused) {
        upstream.refused(PROTOCOL, refused.reason(), Optional.empty());
        return refusedPage(refused.status(), refused.text(), refused.next());
    }

    private PageResponse refusedPage(int status, String text, String next) {
        String again = START + "?next=" + URLEncoder.encode(LocalPaths.safeNext(next), StandardCharsets.UTF_8);
        return pages.page(status, Pages.MESSAGE, Map.of("kind", "error", "title", "Sign-in failed", "text", text,
                "link", Map.of("href", again, "label", "Try again")));
    }

    private static URI callbackUri(HttpServerExchange exchange) {
        return URI.create(BaseUrl.of(exchange) + CALLBACK);
    }
}
