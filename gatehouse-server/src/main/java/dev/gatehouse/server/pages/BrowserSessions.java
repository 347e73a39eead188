package dev.gatehouse.server.pages;

import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.IssuedToken;
import dev.gatehouse.server.web.Cookies;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The browser's side of a sign-in session: the {@code gh_session} cookie ({@code __Host-gh_session}
 * over TLS) holds a bearer token bound to the sign-in session (HttpOnly; SameSite=Lax so that a tool
 * opening /authorize or /device in the browser still finds the person signed in; Secure over TLS).
 * Whether it is good is the access portal's rule ({@link AccessPortal#signedInBrowser}): ending the
 * sign-in session, by Logout or sign-out, ends the cookie's use at once, and so does leaving it unused
 * for the browser idle timeout.
 */
public final class BrowserSessions {
    public static final String COOKIE = "gh_session";

    private final AccessPortal portal;
    private final InstantSource clock;

    public BrowserSessions(AccessPortal portal, InstantSource clock) {
        this.portal = portal;
        this.clock = clock;
    }

    /** The signed-in person of this request, if the cookie is good; counts as a use of the cookie. */
    public Optional<Caller> current(HttpServerExchange exchange) {
        String cookie = presentedCookie(exchange);
        return cookie == null ? Optional.empty() : portal.signedInBrowser(cookie);
    }

    /** The session cookie as the request presents it, good or not; null when it has none. */
    public String presentedCookie(HttpServerExchange exchange) {
        return Cookies.get(exchange, COOKIE);
    }

    public void start(HttpServerExchange exchange, SignInSession session, IssuedToken browserToken) {
        Duration left = Duration.between(clock.instant(), session.expiresAt());
        Cookies.set(exchange, COOKIE, browserToken.secret(), Cookies.SameSite.LAX, left);
    }

    public void clear(HttpServerExchange exchange) {
        Cookies.clear(exchange, COOKIE, Cookies.SameSite.LAX);
    }
}
