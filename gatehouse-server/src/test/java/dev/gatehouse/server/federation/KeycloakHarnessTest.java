package dev.gatehouse.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.server.Pkce;
import dev.gatehouse.server.TestDirectory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Keycloak the federation tests sign in through: started, serving the realm's OpenID and SAML
 * metadata, and signing alice in to both clients as the realm file configures them.
 */
class KeycloakHarnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACS_POST = "saml_assertion_consumer_url_post";

    @RegisterExtension
    static final Keycloak keycloak = new Keycloak();

    @Test
    void theOpenIdDiscoveryDocumentNamesTheRealmAsIssuerWithPkceS256() throws Exception {
        JsonNode discovery = discovery();

        assertThat(discovery.path("issuer").asText()).isEqualTo(keycloak.issuer())
                .isEqualTo("http://127.0.0.1:" + keycloak.baseUrl().getPort() + "/realms/gatehouse");
        assertThat(discovery.path("jwks_uri").asText()).startsWith(keycloak.issuer() + "/");
        assertThat(discovery.path("code_challenge_methods_supported")).extracting(JsonNode::asText).contains("S256");
    }

    @Test
    void theSamlMetadataNamesTheRealmAsEntityAndCarriesItsSigningCertificate() throws Exception {
        String metadata = keycloak.samlMetadata();
        List<X509Certificate> signing = keycloak.samlSigningCertificates();

        assertThat(metadata).contains("entityID=\"" + keycloak.issuer() + "\"");
        assertThat(signing).isNotEmpty();
        assertThat(signing.getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=gatehouse");
        signing.getFirst().checkValidity();
    }

    @Test
    void aliceSignsInToTheOidcClientOnAnyLoopbackPortAndHerIdTokenCarriesEmailAndGroups() throws Exception {
        String callback = "http://127.0.0.1:54321/federation/oidc/callback";
        String verifier = Pkce.newVerifier();
        URI authorize = URI.create(discovery().path("authorization_endpoint").asText() + "?client_id="
                + Keycloak.OIDC_CLIENT_ID + "&response_type=code&scope=openid%20email&state=s1&nonce=n1"
                + "&code_challenge=" + Pkce.s256(verifier) + "&code_challenge_method=S256&redirect_uri=" + encode(callback));

        URI back = new KeycloakSignIn().oidcCallback(authorize, Keycloak.ALICE, Keycloak.PASSWORD);

        assertThat(back.toString()).startsWith(callback + "?").contains("state=s1").contains("code=");
        String code = back.getQuery().replaceFirst(".*\\bcode=([^&]+).*", "$1");
        JsonNode idToken = claims(tokens(code, verifier, callback).path("id_token").asText());
        assertThat(idToken.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(idToken.path("aud").asText()).isEqualTo(Keycloak.OIDC_CLIENT_ID);
        assertThat(idToken.path("nonce").asText()).isEqualTo("n1");
        assertThat(idToken.path("email").asText()).isEqualTo(Keycloak.ALICE_EMAIL);
        assertThat(idToken.path("groups")).extracting(JsonNode::asText).containsExactly("admins");
    }

    @Test
    void theOidcClientRefusesAnotherRedirectUriAndARequestWithoutPkce() throws Exception {
        String authorize = discovery().path("authorization_endpoint").asText() + "?client_id="
                + Keycloak.OIDC_CLIENT_ID + "&response_type=code&scope=openid&state=s&nonce=n";
        String callback = encode("http://127.0.0.1:54321/federation/oidc/callback");

        assertThat(keycloak.get(URI.create(authorize + "&code_challenge=" + Pkce.s256(Pkce.newVerifier())
                + "&code_challenge_method=S256&redirect_uri=" + encode("http://127.0.0.1:54321/elsewhere")))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> withoutPkce = keycloak.get(URI.create(authorize + "&redirect_uri=" + callback));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:54321/federation/oidc/callback?").contains("error=invalid_request"));
    }

    @Test
    void aliceSignsInToTheSamlClientAndTheSignedAssertionNamesHerByEmail() {
        String acs = "http://127.0.0.1:54321/saml/acs";

        String response = decode(
                new KeycloakSignIn().samlResponse(keycloak.samlSsoUrl(), acs, Keycloak.ALICE, Keycloak.PASSWORD));

        assertThat(response).contains("Destination=\"" + acs + "\"")
                .contains("<saml:Audience>" + Keycloak.SAML_SP_ENTITY_ID + "</saml:Audience>")
                .contains("Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">" + Keycloak.ALICE_EMAIL + "<")
                .containsPattern("<saml:Assertion[^>]*>.*<dsig:Signature")
                .contains("<saml:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">admins<");
    }

    @Test
    void carolIsAKeycloakUserWhomGatehouseDoesNotKnow() {
        String response = decode(new KeycloakSignIn().samlResponse(
                keycloak.samlSsoUrl(), "http://127.0.0.1:54321/saml/acs", Keycloak.CAROL, Keycloak.PASSWORD));

        assertThat(response).contains(">" + Keycloak.CAROL_EMAIL + "<");
        assertThat(TestDirectory.create().users()).noneMatch(u -> u.userName().equals(Keycloak.CAROL));
    }

    @Test
    void anIdpInitiatedSignInGoesToTheAcsUrlSetThroughTheAdminApi() {
        String acs = "http://127.0.0.1:54321/saml/acs";
        keycloak.admin().setClientAttributes(Keycloak.SAML_SP_ENTITY_ID, Map.of(ACS_POST, acs));
        try {
            String response = decode(new KeycloakSignIn().samlResponseIdpInitiated(keycloak.samlIdpInitiatedUrl(),
                    Keycloak.ALICE, Keycloak.PASSWORD));

            assertThat(response).contains("Destination=\"" + acs + "\"").doesNotContain("InResponseTo")
                    .contains(">" + Keycloak.ALICE_EMAIL + "<");
        } finally {
            keycloak.admin().setClientAttributes(Keycloak.SAML_SP_ENTITY_ID, Map.of(ACS_POST, ""));
        }
    }

    @Test
    void aRotatedSigningKeyJoinsTheJwksAndTheSamlMetadataUntilItIsRemoved() throws Exception {
        int keysBefore = rs256Keys().size();
        List<X509Certificate> certificatesBefore = keycloak.samlSigningCertificates();

        try (KeycloakAdmin.Rotation rotation = keycloak.admin().rotateSigningKey()) {
            assertThat(rs256Keys()).hasSize(keysBefore + 1);
            assertThat(keycloak.samlSigningCertificates()).hasSize(certificatesBefore.size() + 1)
                    .containsAll(certificatesBefore);
        }
        assertThat(rs256Keys()).hasSize(keysBefore);
        assertThat(keycloak.samlSigningCertificates()).isEqualTo(certificatesBefore);
    }

    private static List<JsonNode> rs256Keys() throws Exception {
        JsonNode jwks = JSON.readTree(keycloak.get(URI.create(discovery().path("jwks_uri").asText())).body());
        List<JsonNode> keys = new ArrayList<>();
        jwks.path("keys").forEach(key -> {
            if (key.path("alg").asText().equals("RS256") && key.path("use").asText().equals("sig")) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static String decode(String samlResponse) {
        return new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }

    private static JsonNode discovery() throws Exception {
        HttpResponse<String> response = keycloak.get(keycloak.oidcDiscoveryUrl());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode tokens(String code, String verifier, String redirectUri) throws Exception {
        String basic = Base64.getEncoder().encodeToString((Keycloak.OIDC_CLIENT_ID + ":" + Keycloak.OIDC_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(discovery().path("token_endpoint").asText()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                        + "&code_verifier=" + verifier + "&redirect_uri=" + encode(redirectUri)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    /** The payload of a JWT, unverified (the relying party's own tests check signatures). */
    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
