package dev.gatehouse.cli.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ~/.aws/config} as botocore reads it: {@code [default]}, {@code [profile NAME]},
 * {@code [sso-session NAME]} and {@code [services NAME]} sections of {@code key = value} lines;
 * comments start with {@code #} or {@code ;}; a key with an empty value followed by indented lines
 * holds a nested section (as in {@code sso =} / {@code   endpoint_url = ...}).
 */
public final class AwsConfig {
    /** One section: its keys, and the nested sections under keys with an empty value. */
    public record Section(String name, Map<String, String> values, Map<String, Map<String, String>> nested) {
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
        }
    }

    private final Map<String, Section> profiles;
    private final Map<String, Section> ssoSessions;
    private final Map<String, Section> services;

    private AwsConfig(Map<String, Section> profiles, Map<String, Section> ssoSessions, Map<String, Section> services) {
        this.profiles = profiles;
        this.ssoSessions = ssoSessions;
        this.services = services;
    }

    /** The file's sections; an absent file is an empty configuration. */
    public static AwsConfig read(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file));
        } catch (NoSuchFileException e) {
            return parse(List.of());
        }
    }

    public static AwsConfig parse(List<String> lines) {
        Map<String, Section> profiles = new LinkedHashMap<>();
        Map<String, Section> ssoSessions = new LinkedHashMap<>();
        Map<String, Section> services = new LinkedHashMap<>();
        Section current = null;
        String nestedKey = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = section(line.substring(1, line.length() - 1).strip(), profiles, ssoSessions, services);
                nestedKey = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && nestedKey != null) {
                current.nested().get(nestedKey).put(key, value);
            } else if (value.isEmpty()) {
                nestedKey = key;
                current.nested().put(key, new LinkedHashMap<>());
            } else {
                nestedKey = null;
                current.values().put(key, value);
            }
        }
        return new AwsConfig(profiles, ssoSessions, services);
    }

    private static Section section(String header, Map<String, Section> profiles, Map<String, Section> ssoSessions,
                                   Map<String, Section> services) {
        String[] parts = header.split("\\s+", 2);
        Map<String, Section> target;
        String name;
        if (parts.length == 2 && parts[0].equals("profile")) {
            target = profiles;
            name = parts[1].strip();
        } else if (parts.length == 2 && parts[0].equals("sso-session")) {
            target = ssoSessions;
            name = parts[1].strip();
        } else if (parts.length == 2 && parts[0].equals("services")) {
            target = services;
            name = parts[1].strip();
        } else {
            target = profiles;
            name = header;
        }
        return target.computeIfAbsent(name, n -> new Section(n, new LinkedHashMap<>(), new LinkedHashMap<>()));
    }

    public Optional<Section> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public Optional<Section> ssoSession(String name) {
        return Optional.ofNullable(ssoSessions.get(name));
    }

    public Optional<Section> services(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public Map<String, Section> profiles() {
        return Map.copyOf(profiles);
    }

    public Map<String, Section> ssoSessions() {
        return Map.copyOf(ssoSessions);
    }
}
