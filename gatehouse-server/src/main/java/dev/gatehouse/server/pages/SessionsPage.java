package dev.gatehouse.server.pages;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.portal.Caller;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /portal/sessions}: the signed-in person's own active sign-in sessions (this browser, their
 * other browsers, and the CLI and SDK sign-ins made from each), and an "End" button on each. Ending
 * another session shows the list again; ending this browser's own signs it out, as sign-out does.
 * Which sessions a person may see and end is {@link UserSessions}' rule: only their own, and a session
 * of someone else is answered exactly as one that does not exist.
 */
public final class SessionsPage {
    private static final String END_ACTION = "/portal/sessions/end";
    private static final String NOT_YOURS = "That session is not one of your active sessions. Reload the list and try again.";
    private static final int MAX_SESSION_ID = 256;

    private final UserSessions sessions;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public SessionsPage(UserSessions sessions, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.sessions = sessions;
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse show(HttpServerExchange exchange) {
        return browser.current(exchange)
                .map(caller -> list(exchange, caller, 200, null, null))
                .orElseGet(() -> PageResponse.redirect("/login?next=" + LocalPaths.SESSIONS));
    }

    /** {@code POST /portal/sessions/end}: ends one of the person's sessions, named by {@code session_id}. */
    public PageResponse end(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        Optional<Caller> caller = browser.current(exchange);
        if (caller.isEmpty()) {
            return PageResponse.redirect("/login?next=" + LocalPaths.SESSIONS);
        }
        if (!csrf.verify(exchange, form.get(Csrf.FIELD))) {
            return pages.formExpired();
        }
        String sessionId = form.get("session_id");
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > MAX_SESSION_ID) {
            return list(exchange, caller.get(), 404, null, NOT_YOURS);
        }
        boolean endedNow;
        try {
            endedNow = sessions.endByUser(caller.get().user().id(), sessionId);
        } catch (GatehouseException e) {
            return list(exchange, caller.get(), 404, null, NOT_YOURS);
        }
        if (sessionId.equals(caller.get().session().id())) {
            browser.clear(exchange);
            csrf.renew(exchange);
            return PageResponse.redirect("/login");
        }
        return list(exchange, caller.get(), 200, endedNow
                ? "Session ended. Its browser is signed out and its CLI and SDK sign-ins no longer work."
                : "That session had already ended.", null);
    }

    private PageResponse list(HttpServerExchange exchange, Caller caller, int status, String notice, String error) {
        String current = caller.session().id();
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.ensureCookie(exchange));
        model.put("displayName", caller.user().displayName());
        model.put("portalHref", LocalPaths.PORTAL);
        model.put("endAction", END_ACTION);
        model.put("sessions", sessions.activeOf(caller.user().id()).stream()
                .map(view -> SessionCards.of(view, current))
                .toList());
        model.put("notice", notice);
        model.put("error", error);
        return pages.page(status, Pages.SESSIONS, model);
    }
}
