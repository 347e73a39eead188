package dev.gatehouse.server.pages;

import com.onelogin.saml2.authn.AuthnRequest;
import dev.gatehouse.server.federation.saml.SamlRelayStates;
import dev.gatehouse.server.federation.saml.SamlServiceProvider;
import dev.gatehouse.server.web.PageResponse;
import io.undertow.server.HttpServerExchange;

/**
 * {@code GET /saml/start?next=…}: an SP-initiated sign-in. The browser goes to the identity provider
 * with an AuthnRequest (HTTP-Redirect binding) and a relay state that carries {@code next} and the
 * request's id, bound to this browser and short-lived ({@link SamlRelayStates}). A browser already
 * signed in goes straight on to {@code next}. The sign-in page sends the browser here when the
 * identity source is SAML.
 */
public final class SamlStartPage {
    private final SamlServiceProvider provider;
    private final SamlRelayStates relayStates;
    private final BrowserSessions browser;

    public SamlStartPage(SamlServiceProvider provider, SamlRelayStates relayStates, BrowserSessions browser) {
        this.provider = provider;
        this.relayStates = relayStates;
        this.browser = browser;
    }

    public PageResponse start(HttpServerExchange exchange) {
        String next = LocalPaths.safeNext(QueryValues.first(exchange, "next"));
        if (browser.current(exchange).isPresent()) {
            return PageResponse.redirect(next);
        }
        AuthnRequest request = provider.newRequest();
        String relayState = relayStates.issue(exchange, request.getId(), next);
        return PageResponse.redirect(provider.redirectUrl(request, relayState));
    }
}
