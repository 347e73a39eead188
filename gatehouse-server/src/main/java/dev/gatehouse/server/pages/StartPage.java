package dev.gatehouse.server.pages;

import dev.gatehouse.server.web.PageResponse;
import io.undertow.server.HttpServerExchange;

/** {@code GET /start} (the start URL) and {@code GET /}: the portal when signed in, else sign-in. */
public final class StartPage {
    private final BrowserSessions browser;

    public StartPage(BrowserSessions browser) {
        this.browser = browser;
    }

    public PageResponse show(HttpServerExchange exchange) {
        return browser.current(exchange).isPresent()
                ? PageResponse.redirect(LocalPaths.PORTAL)
                : PageResponse.redirect("/login?next=" + LocalPaths.PORTAL);
    }
}
