package dev.gatehouse.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a user's {@code attributes}: the identitystore profile under AWS's member names
 * ({@code Name: {GivenName: …}}, {@code NickName}, {@code Emails: [{Value, Type, Primary}]},
 * {@code Addresses}, {@code PhoneNumbers}, {@code Title}, …), checked against the shape of
 * identitystore's {@code User}: strings where it has strings, {@code Primary} a boolean, the
 * multi-valued attributes lists of mappings, {@code Extensions} free documents. The result is the tree
 * the directory keeps and identitystore returns, its keys in the order written.
 */
final class AttributesReader {
    private static final List<String> NAME = List.of("Formatted", "FamilyName", "GivenName", "MiddleName",
            "HonorificPrefix", "HonorificSuffix");
    /** The multi-valued attributes and the members of each item. */
    private static final Map<String, List<String>> LISTS = Map.of(
            "Emails", List.of("Value", "Type", "Primary"),
            "Addresses", List.of("StreetAddress", "Locality", "Region", "PostalCode", "Country", "Formatted", "Type",
                    "Primary"),
            "PhoneNumbers", List.of("Value", "Type", "Primary"),
            "Photos", List.of("Value", "Type", "Display", "Primary"),
            "Roles", List.of("Value", "Type", "Primary"));
    /** Every member; those neither {@code Name}, a list nor {@code Extensions} are strings. */
    private static final String[] KEYS = {"Name", "DisplayName", "NickName", "ProfileUrl", "Emails", "Addresses",
        "PhoneNumbers", "UserType", "Title", "PreferredLanguage", "Locale", "Timezone", "Photos", "Website",
        "Birthdate", "Roles", "Extensions"};

    private AttributesReader() {
    }

    /** The attributes as a tree; empty (with the problems recorded) when any part is malformed. */
    static Optional<Map<String, Object>> read(YamlValue value) {
        return value.map(KEYS).flatMap(m -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            boolean valid = true;
            for (String key : m.keys()) {
                Optional<YamlValue> v = m.get(key);
                if (v.isEmpty()) {
                    continue;
                }
                Optional<?> read = switch (key) {
                    case "Name" -> structure(v.get(), NAME);
                    case "Extensions" -> v.get().entries().isPresent() ? v.get().tree() : Optional.empty();
                    default -> LISTS.containsKey(key) ? items(v.get(), LISTS.get(key)) : v.get().string();
                };
                read.ifPresent(r -> tree.put(key, r));
                valid &= read.isPresent();
            }
            return valid ? Optional.of(tree) : Optional.empty();
        });
    }

    private static Optional<List<Object>> items(YamlValue value, List<String> members) {
        return value.list().flatMap(items -> {
            List<Object> out = new ArrayList<>();
            boolean valid = true;
            for (YamlValue item : items) {
                Optional<Map<String, Object>> read = structure(item, members);
                read.ifPresent(out::add);
                valid &= read.isPresent();
            }
            return valid ? Optional.of(out) : Optional.empty();
        });
    }

    /** A mapping of the given members: {@code Primary} a boolean, every other member a string. */
    private static Optional<Map<String, Object>> structure(YamlValue value, List<String> members) {
        return value.map(members.toArray(String[]::new)).flatMap(m -> {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean valid = true;
            for (String member : m.keys()) {
                Optional<YamlValue> v = m.get(member);
                if (v.isPresent()) {
                    Optional<?> read = member.equals("Primary") ? v.get().bool() : v.get().string();
                    read.ifPresent(r -> out.put(member, r));
                    valid &= read.isPresent();
                }
            }
            return valid ? Optional.of(out) : Optional.empty();
        });
    }
}
