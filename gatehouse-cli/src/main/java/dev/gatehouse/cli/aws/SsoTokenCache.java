package dev.gatehouse.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code ~/.aws/sso/cache/<sha1>.json} exactly as the AWS CLI v2 reads and writes it: the fields of
 * {@link SsoToken}, times as {@code YYYY-MM-DDTHH:MM:SSZ} (which botocore, the JS SDK and Java's
 * {@code Instant.parse} all read), files 0600 written atomically.
 */
public final class SsoTokenCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final Path dir;

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(String sessionNameOrStartUrl) {
        return dir.resolve(CacheKeys.tokenFile(sessionNameOrStartUrl));
    }

    public Optional<SsoToken> read(String sessionNameOrStartUrl) throws IOException {
        return read(fileFor(sessionNameOrStartUrl));
    }

    /** The token in a file; empty when the file is missing or is not a token file. */
    public Optional<SsoToken> read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.hasNonNull("accessToken") || !node.hasNonNull("expiresAt")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SsoToken(text(node, "startUrl").orElse(null), text(node, "region").orElse(null),
                    node.get("accessToken").asText(), parseTime(node.get("expiresAt").asText()),
                    text(node, "clientId"), text(node, "clientSecret"),
                    text(node, "registrationExpiresAt").map(SsoTokenCache::parseTime), text(node, "refreshToken")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public void write(String sessionNameOrStartUrl, SsoToken token) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("startUrl", token.startUrl());
        node.put("region", token.region());
        node.put("accessToken", token.accessToken());
        node.put("expiresAt", formatTime(token.expiresAt()));
        token.clientId().ifPresent(v -> node.put("clientId", v));
        token.clientSecret().ifPresent(v -> node.put("clientSecret", v));
        token.registrationExpiresAt().ifPresent(v -> node.put("registrationExpiresAt", formatTime(v)));
        token.refreshToken().ifPresent(v -> node.put("refreshToken", v));
        PrivateFiles.writeAtomically(fileFor(sessionNameOrStartUrl), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    /** Every token file in the cache (registration entries and other files are left out). */
    public List<Path> tokenFiles() throws IOException {
        return PrivateFiles.jsonFiles(dir, file -> read(file).isPresent());
    }

    /** Holds a lock on one entry across processes, for a refresh or a login. */
    public EntryLock lock(String sessionNameOrStartUrl) throws IOException {
        return PrivateFiles.lock(fileFor(sessionNameOrStartUrl));
    }

    public static String formatTime(Instant time) {
        return CLI_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Reads the CLI's form, JS's (with milliseconds) and any ISO instant or offset time. */
    public static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
