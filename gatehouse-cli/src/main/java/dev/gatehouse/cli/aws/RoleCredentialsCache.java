package dev.gatehouse.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Role credentials in {@code ~/.aws/cli/cache}, as the AWS CLI's SSO provider keeps them
 * ({@code ProviderType: sso}); used until 15 minutes before they expire. The directory is shared with
 * assume-role caching, whose entries are never touched.
 */
public final class RoleCredentialsCache {
    public static final Duration EXPIRY_WINDOW = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cached credentials of one role. */
    public record Entry(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                        String accountId) {
        public boolean usableAt(Instant now) {
            return now.plus(EXPIRY_WINDOW).isBefore(expiration);
        }

        @Override
        public String toString() {
            return "RoleCredentials[" + accessKeyId + " " + accountId + " until " + expiration + "]";
        }
    }

    private final Path dir;

    public RoleCredentialsCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(String accountId, String roleName, String sessionName, String startUrl) {
        return dir.resolve(CacheKeys.roleCredentialsFile(accountId, roleName, sessionName, startUrl));
    }

    public Optional<Entry> read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !"sso".equals(node.path("ProviderType").asText()) || !node.has("Credentials")) {
            return Optional.empty();
        }
        JsonNode c = node.get("Credentials");
        return Optional.of(new Entry(c.path("AccessKeyId").asText(), c.path("SecretAccessKey").asText(),
                c.path("SessionToken").asText(), SsoTokenCache.parseTime(c.path("Expiration").asText()),
                c.path("AccountId").asText()));
    }

    public void write(Path file, Entry entry) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("ProviderType", "sso");
        ObjectNode c = node.putObject("Credentials");
        c.put("AccessKeyId", entry.accessKeyId());
        c.put("SecretAccessKey", entry.secretAccessKey());
        c.put("SessionToken", entry.sessionToken());
        c.put("Expiration", SsoTokenCache.formatTime(entry.expiration()));
        c.put("AccountId", entry.accountId());
        PrivateFiles.writeAtomically(file, JSON.writeValueAsBytes(node));
    }

    /** Holds a lock on one entry across processes, for a fetch of new credentials. */
    public EntryLock lock(Path file) throws IOException {
        return PrivateFiles.lock(file);
    }

    /** Every SSO entry (assume-role entries are not listed). */
    public List<Path> ssoEntries() throws IOException {
        return PrivateFiles.jsonFiles(dir, file -> read(file).isPresent());
    }
}
