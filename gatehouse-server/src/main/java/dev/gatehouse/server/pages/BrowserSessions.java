package dev.gatehouse.server.pages;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.IssuedToken;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.server.web.Cookies;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser's side of a sign-in session: the {@code gh_session} cookie holds a bearer token bound
 * to the sign-in session (HttpOnly; SameSite=Lax so that a tool opening /authorize or /device in the
 * browser still finds the person signed in; Secure over TLS). Ending the sign-in session, by Logout
 * or sign-out, ends the cookie's use at once.
 */
public final class BrowserSessions {
    public static final String COOKIE = "gh_session";

    private final Gatehouse gatehouse;

    public BrowserSessions(Gatehouse gatehouse) {
        this.gatehouse = gatehouse;
    }

    /** The signed-in person of this request, if the cookie is good and the session active. */
    public Optional<Caller> current(HttpServerExchange exchange) {
        String cookie = Cookies.get(exchange, COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        return gatehouse.tokens().verify(TokenKind.BROWSER, cookie)
                .flatMap(v -> gatehouse.directory().user(v.session().userName())
                        .map(user -> new Caller(user, v.session(), v.token())));
    }

    public void start(HttpServerExchange exchange, SignInSession session, IssuedToken browserToken) {
        Duration left = Duration.between(gatehouse.clock().instant(), session.expiresAt());
        Cookies.set(exchange, COOKIE, browserToken.secret(), Cookies.SameSite.LAX, left);
    }

    public void clear(HttpServerExchange exchange) {
        Cookies.clear(exchange, COOKIE, Cookies.SameSite.LAX);
    }
}
