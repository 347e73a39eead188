package dev.gatehouse.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Client registrations in {@code ~/.aws/sso/cache}, named and shaped as the AWS CLI's login does. */
public final class RegistrationCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public RegistrationCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(String startUrl, String region, List<String> scopes, String sessionName) {
        return dir.resolve(CacheKeys.registrationFile(startUrl, region, scopes.isEmpty() ? null : scopes, sessionName));
    }

    public Optional<ClientRegistration> read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.hasNonNull("clientId") || !node.hasNonNull("clientSecret") || !node.hasNonNull("expiresAt")) {
            return Optional.empty();
        }
        return Optional.of(new ClientRegistration(node.get("clientId").asText(), node.get("clientSecret").asText(),
                SsoTokenCache.parseTime(node.get("expiresAt").asText()), strings(node.get("scopes")),
                strings(node.get("grantTypes"))));
    }

    public void write(Path file, ClientRegistration registration) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("clientId", registration.clientId());
        node.put("clientSecret", registration.clientSecret());
        node.put("expiresAt", SsoTokenCache.formatTime(registration.expiresAt()));
        if (!registration.scopes().isEmpty()) {
            registration.scopes().forEach(node.putArray("scopes")::add);
        }
        if (!registration.grantTypes().isEmpty()) {
            registration.grantTypes().forEach(node.putArray("grantTypes")::add);
        }
        PrivateFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
