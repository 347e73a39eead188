package dev.gatehouse.client.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a response body, read with jackson-jr, with typed getters that name the member
 * when the service sent something of the wrong type. Absent and JSON-null members read as null (or
 * an empty list); members the model does not name are ignored, as the AWS SDKs do.
 */
public final class JsonObject {
    private static final JSON JSON_READER = JSON.std;
    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static JsonObject parse(byte[] body) {
        if (body == null || isBlank(body)) {
            return new JsonObject(Map.of());
        }
        try {
            Map<String, Object> map = JSON_READER.mapFrom(body);
            return new JsonObject(map == null ? Map.of() : map);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("The response body is not a JSON object", e);
        }
    }

    /** The object as JSON bytes: members in insertion order, null members left out. */
    public static byte[] write(Map<String, ?> members) {
        Map<String, Object> present = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        try {
            return JSON_READER.asBytes(present);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a JSON request body", e);
        }
    }

    public String string(String name) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw wrongType(name, "a string");
        }
        return s;
    }

    /** A number member as a long, or {@code absent} when the member is absent or null. */
    public long number(String name, long absent) {
        Object value = members.get(name);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Number n)) {
            throw wrongType(name, "a number");
        }
        return n.longValue();
    }

    /** A timestamp member as awsJson1.1 sends it (epoch seconds, maybe with a fraction), or null when absent. */
    public Instant epochSeconds(String name) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n)) {
            throw wrongType(name, "a number");
        }
        BigDecimal seconds = new BigDecimal(n.toString());
        return Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    public boolean has(String name) {
        return members.get(name) != null;
    }

    public JsonObject object(String name) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        return asObject(name, value);
    }

    /** A list of objects; empty when absent or null. */
    public List<JsonObject> objects(String name) {
        Object value = members.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, "a list");
        }
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (Object element : list) {
            objects.add(asObject(name, element));
        }
        return objects;
    }

    /** Every member whose value is a string (the members of an error body). */
    public Map<String, String> strings() {
        Map<String, String> strings = new LinkedHashMap<>();
        members.forEach((name, value) -> {
            if (value instanceof String s) {
                strings.put(name, s);
            }
        });
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject asObject(String name, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object");
        }
        return new JsonObject((Map<String, Object>) map);
    }

    private static WireFormatException wrongType(String name, String expected) {
        return new WireFormatException("Response member '" + name + "' is not " + expected);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
