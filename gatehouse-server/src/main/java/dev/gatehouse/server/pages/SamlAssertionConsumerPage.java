package dev.gatehouse.server.pages;

import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.federation.IdentitySource.SamlProvider;
import dev.gatehouse.domain.federation.OneTimeIds;
import dev.gatehouse.domain.federation.UpstreamIdentity;
import dev.gatehouse.domain.federation.UpstreamSignIn;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.server.federation.saml.SamlAnswer;
import dev.gatehouse.server.federation.saml.SamlRefusal;
import dev.gatehouse.server.federation.saml.SamlRelayStates;
import dev.gatehouse.server.federation.saml.SamlRelayStates.Relay;
import dev.gatehouse.server.federation.saml.SamlResponseCheck;
import dev.gatehouse.server.web.Csrf;
import dev.gatehouse.server.web.Forms;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.web.Pages;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /saml/acs}: the assertion consumer (HTTP-POST binding). In order: the relay state (ours:
 * unaltered, in time, from this browser, naming the request this answer must answer and where to go
 * next; none or an IdP's own: an IdP-initiated sign-in, which goes on to the portal); the answer
 * ({@link SamlResponseCheck}); its assertion id spent once across every instance ({@link OneTimeIds},
 * so the same answer posted again, here or on another instance, is a replay); the NameID matched to a
 * directory user as the source says (user name or e-mail). Then the sign-in session starts exactly as a
 * password sign-in starts one ({@link UpstreamSignIn}, which audits it): the browser gets its session
 * cookie and a fresh CSRF cookie and goes on to {@code next}. Every refusal is a page saying which check
 * failed and an audit record with its reason ({@link SamlRefusal}).
 */
public final class SamlAssertionConsumerPage {
    private static final Logger LOG = LoggerFactory.getLogger(SamlAssertionConsumerPage.class);
    static final String PROTOCOL = "saml";
    static final String ASSERTION_KIND = "saml-assertion";

    private final SamlProvider source;
    private final SamlResponseCheck check;
    private final SamlRelayStates relayStates;
    private final OneTimeIds oneTimeIds;
    private final UpstreamSignIn upstream;
    private final SignInVia via;
    private final BrowserSessions browser;
    private final Pages pages;
    private final Csrf csrf;

    public SamlAssertionConsumerPage(SamlProvider source, SamlResponseCheck check, SamlRelayStates relayStates,
                                     OneTimeIds oneTimeIds, UpstreamSignIn upstream, DeviceAuthorizations devices,
                                     ClientRegistry clients, BrowserSessions browser, Pages pages, Csrf csrf) {
        this.source = source;
        this.check = check;
        this.relayStates = relayStates;
        this.oneTimeIds = oneTimeIds;
        this.upstream = upstream;
        this.via = new SignInVia(devices, clients);
        this.browser = browser;
        this.pages = pages;
        this.csrf = csrf;
    }

    public PageResponse consume(HttpServerExchange exchange) {
        Map<String, String> form = Forms.read(exchange);
        String samlResponse = form.get("SAMLResponse");
        if (samlResponse == null || samlResponse.isBlank()) {
            return refused(SamlRefusal.MALFORMED, "no SAMLResponse field");
        }
        Relay relay = relayStates.read(exchange, form.get("RelayState"));
        if (relay instanceof SamlRelayStates.Refused refusedRelay) {
            return refused(SamlRefusal.RELAY_STATE, refusedRelay.why());
        }
        SamlRelayStates.Started started = relay instanceof SamlRelayStates.Started s ? s : null;
        String next = LocalPaths.safeNext(started == null ? null : started.next());

        SamlAnswer answer = check.check(samlResponse, started == null ? null : started.requestId());
        if (answer instanceof SamlAnswer.Refused refusedAnswer) {
            return refused(refusedAnswer.refusal(), refusedAnswer.detail());
        }
        SamlAnswer.Accepted accepted = (SamlAnswer.Accepted) answer;
        if (!oneTimeIds.firstUse(ASSERTION_KIND, accepted.assertionId(), accepted.keepUntil())) {
            return refused(SamlRefusal.REPLAYED, "assertion id seen before");
        }
        UpstreamIdentity identity = new UpstreamIdentity(PROTOCOL, accepted.issuer(), accepted.nameId(),
                accepted.nameId(), accepted.groups());
        Optional<User> user = upstream.userFor(identity, source.match(), source.justInTimeUsers());
        if (user.isEmpty()) {
            return refused(SamlRefusal.NO_SUCH_USER, "no user matches by " + source.match());
        }
        SignInVia.Via signingInFor = via.of(next);
        SignIn.SignedIn signedIn = upstream.signIn(identity, user.get(), signingInFor.method(),
                signingInFor.clientName());
        browser.start(exchange, signedIn.session(), signedIn.browserToken());
        csrf.renew(exchange);
        return PageResponse.redirect(next);
    }

    private PageResponse refused(SamlRefusal refusal, String detail) {
        upstream.refused(PROTOCOL, refusal.reason(), Optional.empty());
        LOG.info("SAML sign-in refused ({}): {}", refusal.reason(), detail);
        return pages.message(refusal.status(), "error", "Sign-in refused", refusal.message());
    }
}
