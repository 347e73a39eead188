package dev.gatehouse.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Keycloak the federation tests sign in through: started, with the realm and both clients as the tests expect. */
class KeycloakHarnessTest {
    @RegisterExtension
    static final Keycloak keycloak = new Keycloak();

    @Test
    void theOpenIdDiscoveryDocumentNamesTheRealmAsIssuerWithPkceS256() throws Exception {
        HttpResponse<String> response = keycloak.get(keycloak.oidcDiscoveryUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = new ObjectMapper().readTree(response.body());
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
    void theOidcClientAcceptsAGatehouseCallbackOnAnyLoopbackPortAndNothingElse() {
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + Keycloak.OIDC_CLIENT_ID
                + "&response_type=code&scope=openid&state=s&nonce=n"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri=";

        assertThat(keycloak.get(URI.create(authorize
                + "http%3A%2F%2F127.0.0.1%3A54321%2Ffederation%2Foidc%2Fcallback")).body())
                .as("the sign-in page").contains("id=\"kc-form-login\"");
        assertThat(keycloak.get(URI.create(authorize
                + "http%3A%2F%2F127.0.0.1%3A54321%2Felsewhere")).statusCode()).isEqualTo(400);
    }
}
