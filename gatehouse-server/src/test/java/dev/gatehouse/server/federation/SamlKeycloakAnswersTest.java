package dev.gatehouse.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.server.PlainBrowser;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real Keycloak posts to {@code /saml/acs} (an IdP-initiated sign-in, its response and assertion
 * both signed): taken once, refused when posted again, refused when its NameID is changed, refused
 * for a user Gatehouse does not know.
 */
class SamlKeycloakAnswersTest {
    private static final String ACS_POST = "saml_assertion_consumer_url_post";

    @RegisterExtension
    static final Keycloak keycloak = new Keycloak();

    @TempDir
    Path dir;
    private TestService service;

    @BeforeEach
    void start() {
        service = new TestService(dir, TestDirectory.create().withIdentitySource(new IdentitySource.SamlProvider(
                keycloak.samlMetadata(), IdentitySource.UserMatch.EMAIL, Optional.of("groups"), false,
                Duration.ofMinutes(2), Optional.of(Keycloak.SAML_SP_ENTITY_ID))));
        keycloak.admin().setClientAttributes(Keycloak.SAML_SP_ENTITY_ID,
                Map.of(ACS_POST, service.baseUrl() + "/saml/acs"));
    }

    @AfterEach
    void stop() {
        keycloak.admin().setClientAttributes(Keycloak.SAML_SP_ENTITY_ID, Map.of(ACS_POST, ""));
        service.close();
    }

    private String answerFor(String user) {
        return new KeycloakSignIn().samlResponseIdpInitiated(keycloak.samlIdpInitiatedUrl(), user, Keycloak.PASSWORD);
    }

    private HttpResponse<String> post(PlainBrowser browser, String samlResponse) {
        return browser.post(service.baseUrl(), "/saml/acs", Map.of("SAMLResponse", samlResponse));
    }

    @Test
    void keycloaksAnswerSignsInOnceAndIsAReplayAfter() {
        String answer = answerFor(Keycloak.ALICE);

        try (PlainBrowser browser = new PlainBrowser(); PlainBrowser other = new PlainBrowser()) {
            HttpResponse<String> first = post(browser, answer);
            assertThat(first.statusCode()).as("signed in: %s", first.body()).isEqualTo(303);
            assertThat(first.headers().firstValue("Location")).hasValue("/portal");
            assertThat(browser.isSignedIn(service.baseUrl())).isTrue();

            HttpResponse<String> again = post(other, answer);
            assertThat(again.statusCode()).isEqualTo(403);
            assertThat(again.body()).contains("has been used already");
            assertThat(other.isSignedIn(service.baseUrl())).isFalse();
        }
        assertThat(service.auditLines()).anySatisfy(line -> assertThat(line).contains("\"SignInFailed\"")
                .contains("\"reason\":\"replayed\""));
    }

    @Test
    void keycloaksAnswerWithAnotherNameIdIsRefused() {
        String xml = new String(Base64.getDecoder().decode(answerFor(Keycloak.ALICE)), StandardCharsets.UTF_8);
        String tampered = xml.replace(">" + Keycloak.ALICE_EMAIL + "<", ">bob@example.com<");
        assertThat(tampered).isNotEqualTo(xml);

        try (PlainBrowser browser = new PlainBrowser()) {
            HttpResponse<String> response = post(browser,
                    Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("may have been altered");
            assertThat(browser.isSignedIn(service.baseUrl())).isFalse();
        }
        assertThat(service.auditLines()).anySatisfy(line -> assertThat(line).contains("\"SignInFailed\"")
                .contains("\"reason\":\"bad-signature\""));
    }

    @Test
    void aKeycloakUserGatehouseDoesNotKnowIsRefused() {
        try (PlainBrowser browser = new PlainBrowser()) {
            HttpResponse<String> response = post(browser, answerFor(Keycloak.CAROL));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("No Gatehouse user matches");
        }
        assertThat(service.auditLines()).anySatisfy(line -> assertThat(line).contains("\"SignInFailed\"")
                .contains("\"reason\":\"no-such-user\""));
    }
}
