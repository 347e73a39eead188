package dev.gatehouse.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read against a fixed set of keys. Unknown keys, duplicate keys and keys that are
 * not plain text are recorded when the mapping is read; the remaining entries can then be looked up.
 */
final class YamlMap {
    private final YamlValue self;
    private final Map<String, YamlValue> entries = new LinkedHashMap<>();

    private YamlMap(YamlValue self) {
        this.self = self;
    }

    static YamlMap of(YamlValue self, MappingNode node, List<String> keys) {
        YamlMap map = new YamlMap(self);
        Problems problems = self.problems();
        for (NodeTuple tuple : node.getValue()) {
            int keyLine = YamlDocument.line(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(keyLine, "a key must be plain text, not a list or mapping");
                continue;
            }
            String key = keyNode.getValue();
            if (!keys.contains(key)) {
                problems.add(keyLine, "unknown key '%s' (expected one of: %s)".formatted(key, String.join(", ", keys)));
                continue;
            }
            YamlValue previous = map.entries.get(key);
            if (previous != null) {
                problems.add(keyLine, "duplicate key '%s' (first given on line %d)".formatted(key, previous.line()));
                continue;
            }
            map.entries.put(key, new YamlValue(tuple.getValueNode(), "'" + key + "'", problems));
        }
        return map;
    }

    /** The line on which the mapping starts (its first key), where a missing key is reported. */
    int line() {
        return self.line();
    }

    /** Records a problem at the line where the mapping starts; returns false. */
    boolean fail(String message) {
        return self.fail(message);
    }

    /** The known keys written, in the order written. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Whether the key is written, even with an empty value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of an optional key; empty when the key is absent or has an empty value. */
    Optional<YamlValue> get(String key) {
        return Optional.ofNullable(entries.get(key)).filter(v -> !v.isNull());
    }

    /** The value of a required key; a missing key or an empty value is recorded. */
    Optional<YamlValue> require(String key) {
        YamlValue value = entries.get(key);
        if (value == null) {
            self.fail("missing required key '%s'".formatted(key));
            return Optional.empty();
        }
        if (value.isNull()) {
            value.fail("'%s' must have a value".formatted(key));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * Which one of two mutually exclusive keys is written; a problem is recorded (and empty returned)
     * when both or neither are.
     */
    Optional<String> oneOf(String a, String b) {
        YamlValue va = entries.get(a);
        YamlValue vb = entries.get(b);
        if (va != null && vb != null) {
            (vb.line() >= va.line() ? vb : va).fail("give either '%s' or '%s', not both".formatted(a, b));
            return Optional.empty();
        }
        if (va == null && vb == null) {
            self.fail("missing required key '%s' or '%s'".formatted(a, b));
            return Optional.empty();
        }
        return Optional.of(va != null ? a : b);
    }
}
