package dev.gatehouse.domain.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's profile attributes as identitystore names them ({@code DisplayName}, {@code Name} with
 * {@code GivenName}…, {@code Emails} as a list of {@code Value}/{@code Type}/{@code Primary}, …): a tree
 * of maps, lists, strings and booleans, kept as given so that what was stored is what is returned.
 * Immutable; keys keep their order.
 */
public final class Attributes {
    public static final Attributes NONE = new Attributes(Map.of());

    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    /** A deep, immutable copy; values must be String, Boolean, Long, List or Map (String keys). */
    public static Attributes of(Map<String, ?> values) {
        return new Attributes(copyMap(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> string(String name) {
        return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The list under {@code name} as maps (the multi-valued attributes: Emails, Addresses, …). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objects(String name) {
        if (values.get(name) instanceof List<?> list) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add((Map<String, Object>) map);
                }
            }
            return out;
        }
        return List.of();
    }

    /** These attributes with one top-level value set, or removed when {@code value} is null. */
    public Attributes with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return of(copy);
    }

    /** The primary email's value, else the first email's. */
    public Optional<String> primaryEmail() {
        List<Map<String, Object>> emails = objects("Emails");
        return emails.stream().filter(e -> Boolean.TRUE.equals(e.get("Primary"))).findFirst()
                .or(() -> emails.stream().findFirst())
                .map(e -> e.get("Value")).filter(String.class::isInstance).map(String.class::cast);
    }

    private static Map<String, Object> copyMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, copyValue(v));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            return copyMap((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object item : l) {
                if (item != null) {
                    copy.add(copyValue(item));
                }
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("attribute values are strings, booleans, numbers, lists and maps; not "
                + v.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Attributes" + values.keySet();
    }
}
