package dev.gatehouse.server.federation;

import dev.gatehouse.server.OutsideTool;
import dev.gatehouse.server.TestDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A real Keycloak 26, the upstream identity provider of the federation tests: started once per test
 * JVM by the first class that needs it, with the realm {@value #REALM} imported from
 * {@code src/test/resources/keycloak/gatehouse-realm.json}, and stopped when the JVM exits.
 *
 * <p>Under {@code CI=true} the tests run, and fail when Keycloak cannot start; elsewhere they are
 * skipped unless {@code GATEHOUSE_TEST_KEYCLOAK=1} is set (see {@link OutsideTool}), since the first
 * run downloads Keycloak (~180 MB, then kept in the local Maven repository) and each run spends some
 * 30 s starting it.
 *
 * <p>The realm: users {@value #ALICE} ({@value #ALICE_EMAIL}, also in {@link TestDirectory}) and
 * {@value #CAROL} (not in Gatehouse's directory), both in the group {@code admins}, password
 * {@link #PASSWORD}; the confidential OpenID Connect client {@value #OIDC_CLIENT_ID} (authorization
 * code with PKCE S256, a {@code groups} claim, redirect URI {@code http://127.0.0.1/federation/oidc/callback},
 * which Keycloak matches on any port as loopback redirects go); the SAML client {@value #SAML_SP_ENTITY_ID}
 * (assertions and responses signed, NameID the email, ACS {@code http://127.0.0.1/saml/acs} on any port,
 * AuthnRequests unsigned, a {@code groups} attribute, IdP-initiated at {@link #samlIdpInitiatedUrl()}).
 *
 * <pre>{@code @RegisterExtension
 * static final Keycloak keycloak = new Keycloak();
 * ... keycloak.issuer() ...}</pre>
 */
public final class Keycloak implements ExecutionCondition, BeforeAllCallback {
    public static final String REALM = "gatehouse";
    public static final String ALICE = "alice";
    public static final String ALICE_EMAIL = "alice@example.com";
    public static final String CAROL = "carol";
    public static final String CAROL_EMAIL = "carol@example.com";
    /** Every user's password in the realm file (the same as {@link TestDirectory#PASSWORD}). */
    public static final String PASSWORD = TestDirectory.PASSWORD;
    public static final String OIDC_CLIENT_ID = "gatehouse";
    public static final String OIDC_CLIENT_SECRET = "gatehouse-test-client-secret"; // of this test realm only
    public static final String SAML_SP_ENTITY_ID = "gatehouse-sp";
    public static final String ADMIN_USERNAME = KeycloakProcess.ADMIN_USERNAME;
    public static final String ADMIN_PASSWORD = KeycloakProcess.ADMIN_PASSWORD;
    static final String ENABLE = "GATEHOUSE_TEST_KEYCLOAK";
    private static final String REALM_FILE = "/keycloak/gatehouse-realm.json";
    private static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private static final OutsideTool SWITCH = new OutsideTool("Keycloak", Keycloak::switchedOff,
            ENABLE + "=1 ./scripts/test (the first run downloads Keycloak from Maven Central, ~180 MB)");
    private static KeycloakProcess running;
    private static RuntimeException failedToStart;

    private static String switchedOff() {
        return OutsideTool.inCi() || "1".equals(System.getenv(ENABLE)) ? null : ENABLE + " is not 1";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return SWITCH.evaluateExecutionCondition(context);
    }

    /** Starts Keycloak for the first class that needs it; a failed start fails every class after it at once. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (SWITCH.missing().isEmpty()) {
            server();
        }
    }

    private static synchronized KeycloakProcess server() {
        if (failedToStart != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this run", failedToStart);
        }
        if (running == null) {
            try {
                running = KeycloakProcess.start(List.of(REALM_FILE), REALM);
            } catch (IOException e) {
                failedToStart = new UncheckedIOException("Keycloak did not start: " + e.getMessage()
                        + ". " + KeycloakProcess.logTail(), e);
                throw failedToStart;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedToStart = new IllegalStateException("Interrupted while Keycloak was starting", e);
                throw failedToStart;
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            KeycloakProcess started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keycloak-stop"));
            System.err.printf("Keycloak ready at %s in %.1f s (log: %s)%n", started.baseUrl(),
                    started.startedIn().toMillis() / 1000.0, KeycloakProcess.log());
        }
        return running;
    }

    /** {@code http://127.0.0.1:<port>}, with no trailing slash. */
    public URI baseUrl() {
        return server().baseUrl();
    }

    /** How long the start took (unpacking included on the first run after a clean). */
    public Duration startedIn() {
        return server().startedIn();
    }

    /** The realm's OpenID Connect issuer, {@code <base>/realms/gatehouse}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public URI oidcDiscoveryUrl() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /** The realm's SAML 2.0 IdP metadata (entity id = {@link #issuer()}). */
    public URI samlMetadataUrl() {
        return URI.create(issuer() + "/protocol/saml/descriptor");
    }

    /** The SAML single sign-on service (redirect and POST bindings). */
    public URI samlSsoUrl() {
        return URI.create(issuer() + "/protocol/saml");
    }

    /** Where a browser starts an IdP-initiated SAML sign-in to {@value #SAML_SP_ENTITY_ID}. */
    public URI samlIdpInitiatedUrl() {
        return URI.create(issuer() + "/protocol/saml/clients/gatehouse");
    }

    /** Changes to the running realm (client attributes, a new signing key); see {@link KeycloakAdmin}. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(baseUrl());
    }

    /** The metadata XML as Keycloak serves it now. */
    public String samlMetadata() {
        HttpResponse<String> response = get(samlMetadataUrl());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(samlMetadataUrl() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The certificates the metadata names for signing (the realm's RSA key, today one). */
    public List<X509Certificate> samlSigningCertificates() {
        Document metadata = parse(samlMetadata());
        List<X509Certificate> certificates = new ArrayList<>();
        NodeList keys = metadata.getElementsByTagNameNS(SAML_NS, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (key.getAttribute("use").isEmpty() || key.getAttribute("use").equals("signing")) {
                NodeList certs = key.getElementsByTagNameNS(XMLDSIG_NS, "X509Certificate");
                for (int j = 0; j < certs.getLength(); j++) {
                    certificates.add(certificate(certs.item(j).getTextContent()));
                }
            }
        }
        return certificates;
    }

    /** A GET to Keycloak with a bounded wait; the body as text. */
    public HttpResponse<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("Keycloak's metadata holds a certificate that does not parse", e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Keycloak's SAML metadata is not XML", e);
        }
    }
}
