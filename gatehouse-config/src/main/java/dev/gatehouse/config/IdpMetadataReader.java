package dev.gatehouse.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a SAML identity provider's metadata when the configuration loads, from a file (relative to the
 * directory file) or a URL (fetched once, within {@link #FETCH_TIMEOUT}), and checks that it is SAML 2.0
 * metadata of an identity provider: well-formed XML without a DOCTYPE (so no external entities), an
 * {@code EntityDescriptor} (or {@code EntitiesDescriptor}) root with an {@code IDPSSODescriptor}. Its
 * signatures and certificates are the SAML service provider's to check; this only makes sure that a
 * wrong file is refused at start, at the line that names it.
 */
final class IdpMetadataReader {
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** Far above any real metadata (a few kilobytes; a large federation's aggregate is not one IdP's). */
    static final int MAX_BYTES = 1024 * 1024;
    static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

    private IdpMetadataReader() {
    }

    /** The metadata in {@code file}; a problem is recorded at the key's line. */
    static Optional<String> fromFile(YamlValue key, Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                key.fail("cannot read 'idpMetadataFile' %s: it is a directory".formatted(file));
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                key.fail("'idpMetadataFile' %s is larger than %d bytes".formatted(file, MAX_BYTES));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            key.fail("cannot read 'idpMetadataFile' %s: file not found".formatted(file));
            return Optional.empty();
        } catch (AccessDeniedException e) {
            key.fail("cannot read 'idpMetadataFile' %s: permission denied".formatted(file));
            return Optional.empty();
        } catch (IOException e) {
            key.fail("cannot read 'idpMetadataFile' %s: %s".formatted(file, e));
            return Optional.empty();
        }
        return metadata(key, "'idpMetadataFile' " + file, bytes);
    }

    /** The metadata at {@code url}, fetched now; a problem is recorded at the key's line. */
    static Optional<String> fromUrl(YamlValue key, URI url) {
        String what = "'idpMetadataUrl' " + url;
        AtomicReference<Answer> outcome = new AtomicReference<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            // the whole fetch, body included, within the timeout: a request timeout alone ends at the headers
            Thread fetch = Thread.ofVirtual().start(() -> outcome.set(fetch(client, url)));
            if (!fetch.join(FETCH_TIMEOUT)) {
                key.fail("cannot fetch %s: no whole answer within %d seconds".formatted(what, FETCH_TIMEOUT.toSeconds()));
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            key.fail("cannot fetch %s: interrupted".formatted(what));
            return Optional.empty();
        } finally {
            client.shutdownNow();
        }
        Answer answer = outcome.get();
        if (answer.problem() != null) {
            key.fail("cannot fetch %s: %s".formatted(what, answer.problem()));
            return Optional.empty();
        }
        return metadata(key, what, answer.body());
    }

    /** The body of a 200 answer, or (problem not null) why there is none. */
    private record Answer(byte[] body, String problem) {
        static Answer refused(String problem) {
            return new Answer(null, problem);
        }
    }

    private static Answer fetch(HttpClient client, URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT)
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Answer.refused("HTTP status " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                return bytes.length > MAX_BYTES ? Answer.refused("the answer is larger than " + MAX_BYTES + " bytes")
                        : new Answer(bytes, null);
            }
        } catch (IOException e) {
            return Answer.refused(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            return Answer.refused("interrupted");
        }
    }

    /** The metadata as text, in the encoding its XML declares, when it is an identity provider's SAML metadata. */
    static Optional<String> metadata(YamlValue key, String what, byte[] bytes) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("DOCTYPE is disallowed")) {
                key.fail("%s has a DOCTYPE, which is refused (SAML metadata needs none; it could name outside files)"
                        .formatted(what));
                return Optional.empty();
            }
            key.fail("%s is not XML: line %d: %s".formatted(what, e.getLineNumber(), e.getMessage()));
            return Optional.empty();
        } catch (SAXException | IOException e) {
            key.fail("%s is not XML: %s".formatted(what, e.getMessage()));
            return Optional.empty();
        }
        Element root = document.getDocumentElement();
        if (!METADATA_NS.equals(root.getNamespaceURI())
                || !(root.getLocalName().equals("EntityDescriptor") || root.getLocalName().equals("EntitiesDescriptor"))) {
            key.fail("%s is not SAML 2.0 metadata: its root element is <%s>, expected md:EntityDescriptor (%s)"
                    .formatted(what, root.getTagName(), METADATA_NS));
            return Optional.empty();
        }
        if (document.getElementsByTagNameNS(METADATA_NS, "IDPSSODescriptor").getLength() == 0) {
            key.fail("%s has no IDPSSODescriptor: it is not an identity provider's metadata".formatted(what));
            return Optional.empty();
        }
        // the declared encoding; else what the parser found (a UTF-16 byte order mark); else XML's default
        Charset charset = Optional.ofNullable(document.getXmlEncoding()).or(() -> Optional.ofNullable(
                document.getInputEncoding())).map(Charset::forName).orElse(StandardCharsets.UTF_8);
        String text = new String(bytes, charset);
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Namespace-aware, no DOCTYPE (hence no entities, external or not), no XInclude, nothing printed. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a secure setting", e);
        }
    }
}
