package dev.gatehouse.server.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Signs a user in at Keycloak's own login form over plain HTTP (no browser), as a browser would:
 * for tests that need what Keycloak hands back (an authorization code on the callback, a signed
 * SAMLResponse) before they check, tamper with or replay it. One instance is one browser session
 * (its own cookies).
 */
public final class KeycloakSignIn {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Keycloak marks its cookies Secure even over plain HTTP on loopback, which a browser accepts and {@link java.net.CookieManager} does not. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /**
     * Follows an OpenID Connect authorization request (built by the relying party) through the
     * login form, and returns where Keycloak sends the browser back: the redirect URI with
     * {@code code} and {@code state}, or with {@code error}.
     */
    public URI oidcCallback(URI authorizationRequest, String username, String password) {
        HttpResponse<String> signedIn = signIn(send(get(authorizationRequest)), username, password);
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Keycloak did not redirect back after the sign-in (" + signedIn.statusCode()
                    + "): " + errorOn(signedIn));
        }
        return URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Starts a SAML sign-in with an unsigned AuthnRequest for {@value Keycloak#SAML_SP_ENTITY_ID}
     * (redirect binding) asking for {@code assertionConsumerUrl}, signs in, and returns the
     * base64 {@code SAMLResponse} that Keycloak's page would POST there.
     */
    public String samlResponse(URI idpSsoUrl, String assertionConsumerUrl, String username, String password) {
        String request = """
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
                xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_%s" Version="2.0" IssueInstant="%s" \
                AssertionConsumerServiceURL="%s" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">\
                <saml:Issuer>%s</saml:Issuer></samlp:AuthnRequest>""".formatted(UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), assertionConsumerUrl, Keycloak.SAML_SP_ENTITY_ID);
        return samlResponse(URI.create(idpSsoUrl + "?SAMLRequest=" + encode(deflateBase64(request))), username, password);
    }

    /**
     * An IdP-initiated sign-in ({@link Keycloak#samlIdpInitiatedUrl()}): the base64 {@code SAMLResponse}
     * that Keycloak's page would POST to the client's configured ACS URL
     * ({@code saml_assertion_consumer_url_post}, see {@link KeycloakAdmin#setClientAttributes}).
     */
    public String samlResponseIdpInitiated(URI idpInitiatedUrl, String username, String password) {
        return samlResponse(idpInitiatedUrl, username, password);
    }

    private String samlResponse(URI start, String username, String password) {
        HttpResponse<String> signedIn = signIn(send(get(start)), username, password);
        Element response = Jsoup.parse(signedIn.body()).selectFirst("input[name=SAMLResponse]");
        if (signedIn.statusCode() != 200 || response == null) {
            throw new IllegalStateException("Keycloak did not answer with a SAMLResponse (" + signedIn.statusCode()
                    + "): " + errorOn(signedIn));
        }
        return response.attr("value");
    }

    private HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
        Document page = Jsoup.parse(loginPage.body());
        Element form = page.selectFirst("form#kc-form-login");
        if (loginPage.statusCode() != 200 || form == null) {
            throw new IllegalStateException("No Keycloak login form (" + loginPage.statusCode() + "): "
                    + errorOn(loginPage));
        }
        String body = form(Map.of("username", username, "password", password, "credentialId", ""));
        return send(HttpRequest.newBuilder(URI.create(form.attr("action")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String errorOn(HttpResponse<String> response) {
        Document page = Jsoup.parse(response.body());
        Element message = page.selectFirst("#input-error, .kc-feedback-text, #kc-error-message, .pf-v5-c-alert__title");
        return message != null ? message.text() : page.title();
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (HttpCookie cookie : response.headers().allValues("Set-Cookie").stream()
                    .flatMap(header -> HttpCookie.parse(header).stream()).toList()) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The redirect binding's encoding: raw DEFLATE, then base64. */
    private static String deflateBase64(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
