package dev.gatehouse.server.federation.saml;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.util.Util;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks one {@code SAMLResponse} posted to the assertion consumer, in this order: java-saml's strict
 * validation (well-formed and schema-valid; status Success; one assertion; InResponseTo the request
 * this browser started, or none for an IdP-initiated sign-in; Conditions present; time conditions
 * within java-saml's 3 minutes; Destination and the bearer confirmation's Recipient our ACS URL;
 * audience ours; issuer the IdP's; then the signature of the response or the assertion by a certificate
 * of the IdP's metadata), then ours: the assertion must name an audience at all, its time conditions
 * must hold within the configured skew on the service's clock, and it must carry a NameID. One-time use
 * of the assertion is not checked here (see {@code OneTimeIds}): only an answer that passed all of this
 * may spend its id.
 */
public final class SamlResponseCheck {
    /** How long an accepted assertion's id is kept past its NotOnOrAfter: java-saml accepts that late. */
    private static final Duration LIBRARY_DRIFT = SamlServiceProvider.MAX_CLOCK_SKEW;

    private final SamlServiceProvider provider;
    private final InstantSource clock;

    public SamlResponseCheck(SamlServiceProvider provider, InstantSource clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @param samlResponse the posted {@code SAMLResponse} (base64 of the XML)
     * @param requestId    the id of the AuthnRequest this browser sent, or null for an IdP-initiated sign-in
     */
    public SamlAnswer check(String samlResponse, String requestId) {
        ReadableResponse response;
        try {
            response = new ReadableResponse(provider.settings(),
                    new HttpRequest(provider.acsUrl(), Map.of("SAMLResponse", List.of(samlResponse))));
        } catch (Exception e) {
            return new SamlAnswer.Refused(SamlRefusal.MALFORMED, String.valueOf(e.getMessage()));
        }
        if (!response.isValid(requestId)) {
            Exception failure = response.getValidationException();
            return new SamlAnswer.Refused(SamlRefusal.of(failure), String.valueOf(failure.getMessage()));
        }
        try {
            if (!response.getAudiences().contains(provider.entityId())) {
                return new SamlAnswer.Refused(SamlRefusal.WRONG_AUDIENCE, "the assertion names no audience");
            }
            Optional<String> timing = timeProblem(response, provider.source().clockSkew());
            if (timing.isPresent()) {
                return new SamlAnswer.Refused(SamlRefusal.EXPIRED, timing.get());
            }
            String nameId = response.getNameId();
            if (nameId == null || nameId.isBlank()) {
                return new SamlAnswer.Refused(SamlRefusal.INVALID, "the assertion has no NameID");
            }
            List<String> groups = List.of();
            if (provider.source().groupsAttribute().isPresent()) {
                Map<String, List<String>> attributes = response.getAttributes();
                groups = attributes.getOrDefault(provider.source().groupsAttribute().get(), List.of());
            }
            return new SamlAnswer.Accepted(response.getAssertionId(), keepUntil(response), provider.idpEntityId(),
                    nameId, groups.stream().filter(g -> g != null && !g.isBlank()).toList());
        } catch (IllegalArgumentException e) {
            return new SamlAnswer.Refused(SamlRefusal.MALFORMED, String.valueOf(e.getMessage()));
        } catch (Exception e) {
            return new SamlAnswer.Refused(SamlRefusal.of(e), String.valueOf(e.getMessage()));
        }
    }

    /** Why the time conditions do not hold now within {@code skew}, if they do not. */
    private Optional<String> timeProblem(ReadableResponse response, Duration skew) throws XPathExpressionException {
        Instant now = clock.instant();
        for (Node node : response.timedElements()) {
            Optional<Instant> notBefore = instant(node, "NotBefore");
            if (notBefore.isPresent() && now.isBefore(notBefore.get().minus(skew))) {
                return Optional.of(node.getLocalName() + " NotBefore is after now, beyond the allowed skew of " + skew);
            }
            Optional<Instant> notOnOrAfter = instant(node, "NotOnOrAfter");
            if (notOnOrAfter.isPresent() && !now.isBefore(notOnOrAfter.get().plus(skew))) {
                return Optional.of(node.getLocalName() + " NotOnOrAfter has passed, beyond the allowed skew of " + skew);
            }
        }
        return Optional.empty();
    }

    /** The latest NotOnOrAfter of the assertion, plus the most any check allows past it. */
    private static Instant keepUntil(ReadableResponse response) throws XPathExpressionException {
        Instant latest = Instant.EPOCH;
        for (Node node : response.timedElements()) {
            Optional<Instant> notOnOrAfter = instant(node, "NotOnOrAfter");
            if (notOnOrAfter.isPresent() && notOnOrAfter.get().isAfter(latest)) {
                latest = notOnOrAfter.get();
            }
        }
        return latest.plus(LIBRARY_DRIFT);
    }

    private static Optional<Instant> instant(Node node, String attribute) {
        Node value = node.getAttributes().getNamedItem(attribute);
        return value == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Util.parseDateTime(value.getNodeValue()).getMillis()));
    }

    /** java-saml's response, with the signed assertion's timed elements within reach. */
    private static final class ReadableResponse extends SamlResponse {
        ReadableResponse(Saml2Settings settings, HttpRequest request) throws Exception {
            super(settings, request);
        }

        /** The assertion's Conditions and its subject's SubjectConfirmationData elements. */
        List<Node> timedElements() throws XPathExpressionException {
            List<Node> nodes = new ArrayList<>();
            addAll(nodes, queryAssertion("/saml:Conditions"));
            addAll(nodes, queryAssertion("/saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData"));
            return nodes;
        }

        private static void addAll(List<Node> nodes, NodeList list) {
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
        }
    }
}
