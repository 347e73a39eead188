package dev.gatehouse.server.pages;

import dev.gatehouse.server.federation.saml.SamlServiceProvider;
import dev.gatehouse.server.web.PageResponse;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /saml/metadata}: Gatehouse's SAML service provider metadata (entity id, the assertion
 * consumer URL with the POST binding, the NameID format asked for), to load into the identity provider.
 */
public final class SamlMetadataPage {
    private static final String CONTENT_TYPE = "application/samlmetadata+xml";

    private final SamlServiceProvider provider;

    public SamlMetadataPage(SamlServiceProvider provider) {
        this.provider = provider;
    }

    public PageResponse show(HttpServerExchange exchange) {
        return PageResponse.page(new WireResponse(200, CONTENT_TYPE,
                provider.metadataXml().getBytes(StandardCharsets.UTF_8), null));
    }
}
