package dev.gatehouse.server.federation.saml;

import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import dev.gatehouse.domain.federation.IdentitySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;

/**
 * The SAML identity provider the tests play: its metadata (entity id, an HTTP-Redirect sign-in URL
 * never contacted, its signing certificate) and the answers it posts, built from the XML up and signed
 * with its test key (java-saml's own signer, so the signatures are what a real IdP makes), each part
 * changeable to what a test needs refused.
 */
public final class TestIdp {
    public static final String ENTITY_ID = "https://idp.example.test/realms/test";
    public static final String SSO_URL = "https://idp.example.test/sso";
    public static final String GROUPS = "groups";

    private final PrivateKey key = key("saml/idp-key.pem");
    private final X509Certificate certificate = certificate("saml/idp-cert.pem");
    private final PrivateKey otherKey = key("saml/other-idp-key.pem");
    private final X509Certificate otherCertificate = certificate("saml/other-idp-cert.pem");

    /** The metadata an administrator would load into Gatehouse. */
    public String metadata() {
        String cert = Util.convertToPem(certificate).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(ENTITY_ID, cert, SSO_URL, SSO_URL);
    }

    /** The identity source of a Gatehouse that trusts this IdP: match by e-mail, groups from {@link #GROUPS}, 2 minutes' skew. */
    public IdentitySource.SamlProvider source() {
        return new IdentitySource.SamlProvider(metadata(), IdentitySource.UserMatch.EMAIL, Optional.of(GROUPS), false,
                Duration.ofMinutes(2));
    }

    /** What is signed. */
    public enum Signed { ASSERTION, RESPONSE, NOTHING, ASSERTION_BY_OTHER_KEY }

    /** An answer to build: every field a test may change, defaults that pass. */
    public Answer answer(String serviceUrl, Instant now) {
        return new Answer(serviceUrl, now);
    }

    public final class Answer {
        private String nameId = "alice@example.com";
        private String issuer = ENTITY_ID;
        private String audience;
        private String destination;
        private String recipient;
        private String inResponseTo;
        private Instant notBefore;
        private Instant notOnOrAfter;
        private final Instant issued;
        private final String assertionId = "_a" + UUID.randomUUID();
        private List<String> groups = List.of("admins");
        private Signed signed = Signed.ASSERTION;
        private boolean groupPerAttribute;

        private Answer(String serviceUrl, Instant now) {
            this.audience = serviceUrl + "/saml/metadata";
            this.destination = serviceUrl + "/saml/acs";
            this.recipient = destination;
            this.issued = now.truncatedTo(ChronoUnit.SECONDS);
            this.notBefore = issued.minusSeconds(5);
            this.notOnOrAfter = issued.plus(Duration.ofMinutes(5));
        }

        public Answer nameId(String value) { nameId = value; return this; }
        public Answer issuer(String value) { issuer = value; return this; }
        public Answer audience(String value) { audience = value; return this; }
        public Answer destination(String value) { destination = value; return this; }
        public Answer recipient(String value) { recipient = value; return this; }
        public Answer inResponseTo(String value) { inResponseTo = value; return this; }
        public Answer notBefore(Instant value) { notBefore = value; return this; }
        public Answer notOnOrAfter(Instant value) { notOnOrAfter = value; return this; }
        public Answer groups(List<String> value) { groups = value; return this; }
        public Answer signed(Signed value) { signed = value; return this; }
        /** Each group in an attribute of its own, all of the same name (Keycloak's group list, not "single"). */
        public Answer groupPerAttribute() { groupPerAttribute = true; return this; }

        /** The response XML, signed as asked. */
        public String xml() {
            String assertion = assertionXml();
            if (signed == Signed.ASSERTION) {
                assertion = sign(assertion, key, certificate);
            } else if (signed == Signed.ASSERTION_BY_OTHER_KEY) {
                assertion = sign(assertion, otherKey, otherCertificate);
            }
            String response = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                    + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r" + UUID.randomUUID() + "\" "
                    + "Version=\"2.0\" IssueInstant=\"" + issued + "\" Destination=\"" + destination + "\""
                    + (inResponseTo == null ? "" : " InResponseTo=\"" + inResponseTo + "\"") + ">"
                    + "<saml:Issuer>" + issuer + "</saml:Issuer>"
                    + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                    + assertion + "</samlp:Response>";
            return signed == Signed.RESPONSE ? sign(response, key, certificate) : response;
        }

        /** The form field {@code SAMLResponse}: the XML in base64. */
        public String encoded() {
            return encode(xml());
        }

        private String assertionXml() {
            StringBuilder attributes = new StringBuilder();
            if (!groups.isEmpty()) {
                attributes.append("<saml:AttributeStatement>");
                if (groupPerAttribute) {
                    groups.forEach(g -> attributes.append("<saml:Attribute Name=\"").append(GROUPS)
                            .append("\"><saml:AttributeValue>").append(g).append("</saml:AttributeValue></saml:Attribute>"));
                } else {
                    attributes.append("<saml:Attribute Name=\"").append(GROUPS).append("\">");
                    groups.forEach(g -> attributes.append("<saml:AttributeValue>").append(g).append("</saml:AttributeValue>"));
                    attributes.append("</saml:Attribute>");
                }
                attributes.append("</saml:AttributeStatement>");
            }
            String confirmationInResponseTo = inResponseTo == null ? "" : " InResponseTo=\"" + inResponseTo + "\"";
            return "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + assertionId + "\" "
                    + "Version=\"2.0\" IssueInstant=\"" + issued + "\">"
                    + "<saml:Issuer>" + issuer + "</saml:Issuer>"
                    + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">"
                    + nameId + "</saml:NameID>"
                    + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                    + "<saml:SubjectConfirmationData" + confirmationInResponseTo + " NotOnOrAfter=\"" + notOnOrAfter
                    + "\" Recipient=\"" + recipient + "\"/></saml:SubjectConfirmation></saml:Subject>"
                    + "<saml:Conditions NotBefore=\"" + notBefore + "\" NotOnOrAfter=\"" + notOnOrAfter + "\">"
                    + "<saml:AudienceRestriction><saml:Audience>" + audience + "</saml:Audience></saml:AudienceRestriction>"
                    + "</saml:Conditions>"
                    + "<saml:AuthnStatement AuthnInstant=\"" + issued + "\" SessionIndex=\"_s1\"><saml:AuthnContext>"
                    + "<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
                    + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
                    + attributes + "</saml:Assertion>";
        }
    }

    public static String encode(String xml) {
        return java.util.Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String xml, PrivateKey key, X509Certificate certificate) {
        Document document = Util.loadXML(xml);
        if (document == null) {
            throw new IllegalStateException("not XML: " + xml);
        }
        try {
            return Util.addSign(document, key, certificate, Constants.RSA_SHA256, Constants.SHA256);
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static PrivateKey key(String resource) {
        try {
            return Util.loadPrivateKey(read(resource));
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static X509Certificate certificate(String resource) {
        try {
            return Util.loadCert(read(resource));
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = TestIdp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
