package dev.gatehouse.server.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to the running realm through Keycloak's admin REST API, as its bootstrap admin, for tests
 * that need what the realm file cannot say in advance (the ACS URL of an IdP-initiated sign-in names
 * Gatehouse's port) or a change while Gatehouse runs (a new signing key). The server is shared by
 * every test of the JVM: a change lasts until it is undone, so undo it ({@link Rotation#close()}) or
 * make it one that other tests do not notice.
 */
public final class KeycloakAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAdmin(URI base) {
        this.base = base;
    }

    /**
     * Sets attributes of a client of the realm (for example {@code saml_assertion_consumer_url_post}
     * of {@value Keycloak#SAML_SP_ENTITY_ID}), keeping the others.
     */
    public void setClientAttributes(String clientId, Map<String, String> attributes) {
        String path = "/admin/realms/" + Keycloak.REALM + "/clients";
        JsonNode found = call("GET", path + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No client " + clientId + " in the realm " + Keycloak.REALM);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ObjectNode current = client.withObjectProperty("attributes");
        attributes.forEach(current::put);
        call("PUT", path + "/" + client.path("id").asText(), client);
    }

    /**
     * Adds a new RSA signing key (RS256) that takes precedence over the realm's own: ID tokens and
     * SAML assertions are signed with it from now on, and the JWKS and metadata list both. Closing the
     * rotation removes the key again.
     */
    public Rotation rotateSigningKey() {
        String realmId = call("GET", "/admin/realms/" + Keycloak.REALM, null).path("id").asText();
        String name = "rotated-" + UUID.randomUUID();
        ObjectNode key = JSON.createObjectNode()
                .put("name", name)
                .put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        key.putObject("config").putPOJO("priority", List.of("1000")).putPOJO("algorithm", List.of("RS256"));
        call("POST", "/admin/realms/" + Keycloak.REALM + "/components", key);
        JsonNode components = call("GET", "/admin/realms/" + Keycloak.REALM + "/components?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        String componentId = components.get(0).path("id").asText();
        return () -> call("DELETE", "/admin/realms/" + Keycloak.REALM + "/components/" + componentId, null);
    }

    /** A signing key added by {@link #rotateSigningKey()}; {@link #close()} removes it. */
    public interface Rotation extends AutoCloseable {
        @Override
        void close();
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + " to "
                    + method + " " + path + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : read(response.body());
    }

    /** A fresh token each call: admin tokens of the master realm live one minute. */
    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN_USERNAME
                + "&password=" + Keycloak.ADMIN_PASSWORD;
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        base.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the bootstrap admin (" + response.statusCode() + ")");
        }
        return read(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
