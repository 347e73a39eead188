package dev.gatehouse.server.federation.saml;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.AuthnRequestParams;
import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.Metadata;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.SamlProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.xpath.XPathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Gatehouse as a SAML 2.0 service provider of one identity provider, on java-saml's core classes (no
 * servlets): the IdP's entity id, sign-in URL (HTTP-Redirect binding) and signing certificates come from
 * its metadata, read once here and refused at start when one is missing; ours are the entity id
 * (configured, else {@code <service URL>/saml/metadata}) and the assertion consumer
 * {@code <service URL>/saml/acs} (POST binding), from the service's configured public URL, never from a
 * request's Host header (else an answer meant for another service could be presented as ours). java-saml's checks run strict: schema,
 * signature by the metadata's certificates (SHA-1 refused), issuer, audience, destination and recipient,
 * time conditions, InResponseTo.
 */
public final class SamlServiceProvider {
    public static final String METADATA_PATH = "/saml/metadata";
    public static final String START_PATH = "/saml/start";
    public static final String ACS_PATH = "/saml/acs";
    private static final Logger LOG = LoggerFactory.getLogger(SamlServiceProvider.class);
    /** java-saml's own, fixed tolerance on the time conditions; the configured skew can only be tighter. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(Constants.ALOWED_CLOCK_DRIFT);

    private final SamlProvider source;
    private final Map<String, Object> idpValues;
    private final Supplier<URI> serviceUrl;
    private volatile Saml2Settings settings;

    /**
     * @param serviceUrl the service's public base URL (for example {@code https://sso.example.com}); asked
     *                   the first time the settings are needed, which is after the server is listening
     * @throws IllegalArgumentException when the IdP metadata is not usable, saying what it lacks
     */
    public SamlServiceProvider(SamlProvider source, Supplier<URI> serviceUrl) {
        if (source.clockSkew().compareTo(MAX_CLOCK_SKEW) > 0) {
            LOG.warn("SAML clockSkew {} is more than java-saml allows: answers are refused {} past their time "
                    + "conditions", source.clockSkew(), MAX_CLOCK_SKEW);
        }
        this.source = source;
        this.serviceUrl = serviceUrl;
        this.idpValues = readIdpMetadata(source.idpMetadata());
    }

    public SamlProvider source() {
        return source;
    }

    /** Our entity id: the audience every accepted assertion must name. */
    public String entityId() {
        return settings().getSpEntityId();
    }

    /** Where the IdP posts its answer: the destination and recipient every accepted answer must name. */
    public String acsUrl() {
        return settings().getSpAssertionConsumerServiceUrl().toString();
    }

    /** The IdP's entity id: the issuer every accepted answer must name. */
    public String idpEntityId() {
        return (String) idpValues.get(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY);
    }

    /** Our metadata, to give the identity provider. */
    public String metadataXml() {
        try {
            return new Metadata(settings()).getMetadataString();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("SAML metadata without a certificate failed: " + e.getMessage(), e);
        }
    }

    /** A new AuthnRequest; its id is what the answer's InResponseTo must be. */
    public AuthnRequest newRequest() {
        return new AuthnRequest(settings(), new AuthnRequestParams(false, false, true, true));
    }

    /** Where to send the browser with the request (HTTP-Redirect binding: deflated, base64, in the query). */
    public String redirectUrl(AuthnRequest request, String relayState) {
        String sso = settings().getIdpSingleSignOnServiceUrl().toString();
        try {
            return sso + (sso.contains("?") ? "&" : "?") + "SAMLRequest="
                    + URLEncoder.encode(request.getEncodedAuthnRequest(true), StandardCharsets.UTF_8)
                    + "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Saml2Settings settings() {
        Saml2Settings built = settings;
        if (built == null) {
            synchronized (this) {
                built = settings;
                if (built == null) {
                    built = build(serviceUrl.get());
                    settings = built;
                }
            }
        }
        return built;
    }

    private Saml2Settings build(URI service) {
        if (service == null) {
            throw new IllegalStateException("The service URL is not known yet");
        }
        String base = service.toString().replaceAll("/+$", "");
        Map<String, Object> values = new HashMap<>(idpValues);
        values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, source.spEntityId().orElse(base + METADATA_PATH));
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, base + ACS_PATH);
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_BINDING_PROPERTY_KEY, Constants.BINDING_HTTP_POST);
        values.put(SettingsBuilder.SP_NAMEIDFORMAT_PROPERTY_KEY, source.match() == IdentitySource.UserMatch.EMAIL
                ? Constants.NAMEID_EMAIL_ADDRESS : Constants.NAMEID_UNSPECIFIED);
        values.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, true);
        values.put(SettingsBuilder.SECURITY_WANT_NAMEID, true);
        values.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
        values.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
        // Keycloak's group list mapper sends one attribute per group unless "single" is set: take them together
        values.put(SettingsBuilder.SECURITY_ALLOW_REPEAT_ATTRIBUTE_NAME_PROPERTY_KEY, true);
        values.put(SettingsBuilder.PARSING_TRIM_NAME_IDS, true);
        values.put(SettingsBuilder.PARSING_TRIM_ATTRIBUTE_VALUES, true);
        values.put(SettingsBuilder.UNIQUE_ID_PREFIX_PROPERTY_KEY, "GATEHOUSE_");
        return new SettingsBuilder().fromValues(values).build();
    }

    /** The IdP part of the settings, checked: entity id, an HTTP-Redirect sign-in URL, a signing certificate. */
    private static Map<String, Object> readIdpMetadata(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("The SAML identity provider's metadata is empty");
        }
        Document document = Util.loadXML(xml);
        if (document == null) {
            throw new IllegalArgumentException("The SAML identity provider's metadata is not well-formed XML "
                    + "(or declares entities, which are refused)");
        }
        Map<String, Object> values;
        try {
            values = IdPMetadataParser.parseXML(document);
        } catch (XPathException e) {
            throw new IllegalArgumentException("The SAML identity provider's metadata could not be read: "
                    + e.getMessage(), e);
        }
        if (values.get(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY) == null) {
            throw new IllegalArgumentException("The SAML identity provider's metadata has no IDPSSODescriptor "
                    + "in an EntityDescriptor with an entityID");
        }
        if (!Constants.BINDING_HTTP_REDIRECT.equals(values.get(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_BINDING_PROPERTY_KEY))) {
            throw new IllegalArgumentException("The SAML identity provider's metadata has no SingleSignOnService "
                    + "with the HTTP-Redirect binding");
        }
        Saml2Settings idp = new SettingsBuilder().fromValues(values).build();
        boolean hasCertificate = idp.getIdpx509cert() != null
                || (idp.getIdpx509certMulti() != null && !idp.getIdpx509certMulti().isEmpty());
        if (!hasCertificate) {
            throw new IllegalArgumentException("The SAML identity provider's metadata has no usable signing "
                    + "certificate (KeyDescriptor/KeyInfo/X509Data/X509Certificate)");
        }
        // what the IdP prefers is not ours to take: the NameID format we ask for follows the configured match
        values.remove(SettingsBuilder.SP_NAMEIDFORMAT_PROPERTY_KEY);
        return Map.copyOf(values);
    }
}
