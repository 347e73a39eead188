package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile attributes of an identitystore user, as its model defines them: plain strings
 * ({@code DisplayName}, {@code Title}, …), the {@code Name} structure, the multi-valued lists
 * ({@code Emails}, {@code Addresses}, {@code PhoneNumbers}, {@code Roles}, {@code Photos}) and the
 * {@code Extensions} map. It checks a whole profile (CreateUser) and applies UpdateUser's attribute
 * operations, whose paths name attributes in camelCase ({@code displayName}, {@code name.givenName},
 * {@code emails}, {@code aws:identitystore:enterprise.costCenter}) and whose values spell sub-attributes
 * in camelCase too ({@code [{"value": …, "primary": true}]}); both are mapped onto the member names,
 * so that a profile is stored, and returned, as the model spells it.
 */
public final class UserProfile {
    /** The one extension identitystore supports. */
    public static final String ENTERPRISE_EXTENSION = "aws:identitystore:enterprise";

    private static final List<String> STRINGS = List.of("DisplayName", "NickName", "ProfileUrl", "UserType", "Title",
            "PreferredLanguage", "Locale", "Timezone", "Website", "Birthdate");
    private static final Structure NAME = new Structure("Name", List.of("Formatted", "FamilyName", "GivenName",
            "MiddleName", "HonorificPrefix", "HonorificSuffix"), 0, null);
    private static final List<Structure> LISTS = List.of(
            new Structure("Emails", List.of("Value", "Type", "Primary"), 1, null),
            new Structure("Addresses", List.of("StreetAddress", "Locality", "Region", "PostalCode", "Country",
                    "Formatted", "Type", "Primary"), 1, null),
            new Structure("PhoneNumbers", List.of("Value", "Type", "Primary"), 1, null),
            new Structure("Photos", List.of("Value", "Type", "Display", "Primary"), 3, "Value"),
            new Structure("Roles", List.of("Value", "Type", "Primary"), 1, null));
    private static final String EXTENSIONS = "Extensions";

    /** Every profile member of CreateUser, as the model names it. */
    public static final List<String> MEMBERS;

    static {
        List<String> members = new ArrayList<>(STRINGS);
        members.add(NAME.member);
        LISTS.forEach(s -> members.add(s.member));
        members.add(EXTENSIONS);
        MEMBERS = List.copyOf(members);
    }

    private UserProfile() {
    }

    /**
     * A structure of the profile: its sub-attributes ({@code Primary} the one boolean), and for a list
     * the most entries it may hold and the sub-attribute each entry needs.
     */
    private record Structure(String member, List<String> fields, int maxItems, String requiredField) {
        boolean isList() {
            return maxItems > 0;
        }

        String camel() {
            return camelCase(member);
        }
    }

    /**
     * A whole profile as CreateUser gives it, checked member by member; an identity center user needs
     * a display name and a given and family name.
     */
    public static Attributes check(Attributes profile) {
        for (Map.Entry<String, Object> e : profile.asMap().entrySet()) {
            checkMember(e.getKey(), e.getValue());
        }
        requireNames(profile);
        return profile;
    }

    /** The names of the extensions a caller asks to see (DescribeUser's and ListUsers' Extensions). */
    public static List<String> extensionNames(List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.isEmpty() || names.size() > 10) {
            throw Inputs.violation("extensions", "have length between 1 and 10");
        }
        names.forEach(UserProfile::checkExtensionName);
        return List.copyOf(names);
    }

    /** The profile with only the extensions asked for (identitystore returns none unless asked). */
    public static Attributes withExtensions(Attributes profile, List<String> names) {
        Object all = profile.asMap().get(EXTENSIONS);
        if (!(all instanceof Map<?, ?> extensions)) {
            return profile;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String name : names) {
            if (extensions.get(name) != null) {
                shown.put(name, extensions.get(name));
            }
        }
        return profile.with(EXTENSIONS, shown.isEmpty() ? null : shown);
    }

    /**
     * The profile after one UpdateUser operation on {@code path} (camelCase, as UpdateUser names it);
     * a null value removes the attribute. {@code userName} is not a profile attribute: the caller
     * handles it before.
     */
    public static Attributes apply(Attributes profile, String path, Object value) {
        String[] segments = path.split("\\.", -1);
        if (segments[0].contains(":")) {
            return applyExtension(profile, path, segments, value);
        }
        String top = segments[0];
        for (String member : STRINGS) {
            if (member.equalsIgnoreCase(top) && segments.length == 1) {
                return profile.with(member, string(path, value));
            }
        }
        if (NAME.member.equalsIgnoreCase(top)) {
            return applyName(profile, path, segments, value);
        }
        for (Structure list : LISTS) {
            if (list.member.equalsIgnoreCase(top) && segments.length == 1) {
                Object entries = value == null ? null : fromCamelCase(list, value, path);
                checkMember(list.member, entries);
                return profile.with(list.member, entries);
            }
        }
        throw Inputs.invalid("Invalid attribute path: " + path);
    }

    /** Refuses a profile that lacks what identity center needs of every user it makes. */
    static void requireNames(Attributes profile) {
        List<String> missing = missingNames(profile);
        if (!missing.isEmpty()) {
            throw required(missing);
        }
    }

    /** The error for required attributes that are missing, worded as identitystore words it. */
    static GatehouseException required(List<String> missing) {
        return Inputs.invalid(String.join(", ", missing.stream()
                .map(m -> m + ": The attribute " + m + " is required").toList()));
    }

    /** Which of the attributes every user needs (display name, given and family name) the profile lacks. */
    static List<String> missingNames(Attributes profile) {
        List<String> missing = new ArrayList<>();
        if (profile.string("DisplayName").isEmpty()) {
            missing.add("displayName");
        }
        Object name = profile.asMap().get(NAME.member);
        if (!(name instanceof Map<?, ?> names)) {
            missing.add("name");
        } else {
            if (names.get("GivenName") == null) {
                missing.add("name.givenName");
            }
            if (names.get("FamilyName") == null) {
                missing.add("name.familyName");
            }
        }
        return missing;
    }

    private static Attributes applyName(Attributes profile, String path, String[] segments, Object value) {
        if (segments.length == 1) {
            Object name = value == null ? null : fromCamelCase(NAME, value, path);
            checkMember(NAME.member, name);
            return profile.with(NAME.member, name);
        }
        String field = segments.length == 2 ? fieldOf(NAME, segments[1]) : null;
        if (field == null) {
            throw Inputs.invalid("Invalid attribute path: " + path);
        }
        Map<String, Object> name = new LinkedHashMap<>();
        if (profile.asMap().get(NAME.member) instanceof Map<?, ?> current) {
            current.forEach((k, v) -> name.put((String) k, v));
        }
        String text = string(path, value);
        if (text == null) {
            name.remove(field);
        } else {
            name.put(field, text);
        }
        return profile.with(NAME.member, name.isEmpty() ? null : name);
    }

    private static Attributes applyExtension(Attributes profile, String path, String[] segments, Object value) {
        checkExtensionName(segments[0]);
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (profile.asMap().get(EXTENSIONS) instanceof Map<?, ?> current) {
            current.forEach((k, v) -> extensions.put((String) k, v));
        }
        if (segments.length == 1) {
            extensions.put(segments[0], value);
        } else {
            Map<String, Object> document = new LinkedHashMap<>();
            if (extensions.get(segments[0]) instanceof Map<?, ?> current) {
                current.forEach((k, v) -> document.put((String) k, v));
            }
            setIn(document, segments, 1, value);
            extensions.put(segments[0], document.isEmpty() ? null : document);
        }
        extensions.values().removeIf(v -> v == null);
        Map<String, Object> result = extensions.isEmpty() ? null : extensions;
        checkMember(EXTENSIONS, result);
        return profile.with(EXTENSIONS, result);
    }

    /** Sets (or with null removes) the value at segments[from..] inside a document of nested maps. */
    private static void setIn(Map<String, Object> document, String[] segments, int from, Object value) {
        String key = segments[from];
        if (from == segments.length - 1) {
            if (value == null) {
                document.remove(key);
            } else {
                document.put(key, value);
            }
            return;
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (document.get(key) instanceof Map<?, ?> current) {
            current.forEach((k, v) -> inner.put((String) k, v));
        }
        setIn(inner, segments, from + 1, value);
        if (inner.isEmpty()) {
            document.remove(key);
        } else {
            document.put(key, inner);
        }
    }

    private static void checkMember(String member, Object value) {
        if (value == null) {
            return;
        }
        String camel = camelCase(member);
        if (STRINGS.contains(member)) {
            Inputs.sensitive(camel, string(camel, value));
        } else if (NAME.member.equals(member)) {
            checkStructure(NAME, value, camel);
        } else if (EXTENSIONS.equals(member)) {
            checkExtensions(value);
        } else {
            Structure list = LISTS.stream().filter(s -> s.member.equals(member)).findFirst()
                    .orElseThrow(() -> Inputs.invalid("Invalid attribute: " + member));
            if (!(value instanceof List<?> entries)) {
                throw InvalidMemberException.wrongType(camel, "a list", null);
            }
            if (entries.isEmpty() || entries.size() > list.maxItems) {
                throw Inputs.violation(camel, "have length between 1 and " + list.maxItems);
            }
            for (Object entry : entries) {
                checkStructure(list, entry, camel);
            }
        }
    }

    private static void checkStructure(Structure structure, Object value, String at) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw InvalidMemberException.wrongType(at, "an object", null);
        }
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = (String) field.getKey();
            if (!structure.fields.contains(name)) {
                throw Inputs.invalid("Invalid attribute: " + at + "." + camelCase(name));
            }
            String fieldAt = at + "." + camelCase(name);
            if (name.equals("Primary")) {
                if (!(field.getValue() instanceof Boolean)) {
                    throw InvalidMemberException.wrongType(fieldAt, "a boolean", null);
                }
            } else {
                Inputs.sensitive(fieldAt, string(fieldAt, field.getValue()));
            }
        }
        if (structure.requiredField != null && fields.get(structure.requiredField) == null) {
            throw InvalidMemberException.missing(at + "." + camelCase(structure.requiredField));
        }
    }

    private static void checkExtensions(Object value) {
        if (!(value instanceof Map<?, ?> extensions)) {
            throw InvalidMemberException.wrongType("extensions", "a map", null);
        }
        if (extensions.isEmpty() || extensions.size() > 10) {
            throw Inputs.violation("extensions", "have length between 1 and 10");
        }
        for (Map.Entry<?, ?> e : extensions.entrySet()) {
            checkExtensionName((String) e.getKey());
            if (!(e.getValue() instanceof Map<?, ?>)) {
                throw InvalidMemberException.wrongType("extensions." + e.getKey(), "an object", null);
            }
        }
    }

    private static void checkExtensionName(String name) {
        Inputs.extensionName("extensions", name);
        if (!name.equals(ENTERPRISE_EXTENSION)) {
            throw Inputs.invalid("Unsupported extension: " + name + "; " + ENTERPRISE_EXTENSION
                    + " is the only supported extension");
        }
    }

    /** An UpdateUser value for a structure or a list of them, its camelCase keys mapped onto member names. */
    private static Object fromCamelCase(Structure structure, Object value, String path) {
        if (structure.isList()) {
            if (!(value instanceof List<?> entries)) {
                throw InvalidMemberException.wrongType(path, "a list", null);
            }
            List<Object> mapped = new ArrayList<>();
            for (Object entry : entries) {
                mapped.add(fieldsFromCamelCase(structure, entry, path));
            }
            return mapped;
        }
        return fieldsFromCamelCase(structure, value, path);
    }

    private static Map<String, Object> fieldsFromCamelCase(Structure structure, Object value, String path) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw InvalidMemberException.wrongType(path, "an object", null);
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = fieldOf(structure, (String) field.getKey());
            if (name == null) {
                throw Inputs.invalid("Invalid attribute path: " + path + "." + field.getKey());
            }
            if (field.getValue() != null) {
                mapped.put(name, field.getValue());
            }
        }
        return mapped;
    }

    private static String fieldOf(Structure structure, String camel) {
        return structure.fields.stream().filter(f -> f.equalsIgnoreCase(camel)).findFirst().orElse(null);
    }

    private static String string(String at, Object value) {
        if (value != null && !(value instanceof String)) {
            throw InvalidMemberException.wrongType(at, "a string", null);
        }
        return (String) value;
    }

    static String camelCase(String member) {
        return member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1);
    }

    /** The user's e-mail addresses, as GetUserId's {@code emails.value} looks them up. */
    static List<String> emails(Attributes profile) {
        return profile.objects("Emails").stream().map(e -> e.get("Value")).filter(String.class::isInstance)
                .map(String.class::cast).toList();
    }
}
