package dev.gatehouse.config;

import dev.gatehouse.domain.directory.DirectoryFile.BootstrapAdminKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code adminKeys} section: bootstrap admin access keys with their secrets, which sign admin
 * API calls from the first start on. A secret is never echoed in a message.
 */
final class AdminKeysReader {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
    static final int MIN_SECRET_LENGTH = 40;

    private AdminKeysReader() {
    }

    static List<BootstrapAdminKey> read(Optional<YamlValue> section) {
        List<BootstrapAdminKey> keys = new ArrayList<>();
        Map<String, Integer> idLines = new LinkedHashMap<>();
        section.flatMap(YamlValue::list).ifPresent(items -> items.forEach(item -> item
                .map("accessKeyId", "secretAccessKey").ifPresent(m -> {
                    Optional<String> id = m.require("accessKeyId").flatMap(v -> v.string(
                                    k -> ACCESS_KEY_ID.matcher(k).matches(),
                                    "'accessKeyId' must be AKIA and 16 upper-case letters or digits, was '%s'")
                            .filter(k -> DirectoryReader.unique(v, k, idLines, "admin accessKeyId")));
                    Optional<String> secret = m.require("secretAccessKey").flatMap(v -> v.string(
                            s -> s.length() >= MIN_SECRET_LENGTH && s.chars().noneMatch(Character::isWhitespace),
                            "'secretAccessKey' must be at least " + MIN_SECRET_LENGTH
                                    + " characters without spaces (the value is not shown)"));
                    if (id.isPresent() && secret.isPresent()) {
                        keys.add(new BootstrapAdminKey(id.get(), secret.get()));
                    }
                })));
        return keys;
    }
}
