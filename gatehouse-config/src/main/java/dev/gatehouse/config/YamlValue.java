package dev.gatehouse.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML node, named for messages ({@code 'email'}, {@code 'groups' item}) and read as the type a
 * configuration field expects. A wrong type or value is recorded in {@link Problems} at the node's line
 * and the read returns empty, so that reading can go on and report further problems.
 */
final class YamlValue {
    private final Node node;
    private final String name;
    private final Problems problems;

    YamlValue(Node node, String name, Problems problems) {
        this.node = node;
        this.name = name;
        this.problems = problems;
    }

    int line() {
        return YamlDocument.line(node);
    }

    String name() {
        return name;
    }

    Problems problems() {
        return problems;
    }

    /** Records a problem at this node's line; returns false. */
    boolean fail(String message) {
        return problems.add(line(), message);
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** True for a scalar written in quotes (or as a block literal), which YAML always reads as a string. */
    boolean isQuoted() {
        return node instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN;
    }

    /**
     * The text of any non-empty scalar, exactly as written: {@code name: 2024} gives "2024". Only
     * mappings, lists and empty values are refused.
     */
    Optional<String> string() {
        if (node instanceof ScalarNode s && !isNull()) {
            return Optional.of(s.getValue());
        }
        return expected("a string");
    }

    /** The text, when {@code valid} accepts it; otherwise {@code problem} (a format with the text as %s) is recorded. */
    Optional<String> string(Predicate<String> valid, String problem) {
        return string().filter(s -> valid.test(s) || fail(problem.formatted(s)));
    }

    /** {@code true} or {@code false}, written without quotes. */
    Optional<Boolean> bool() {
        if (node instanceof ScalarNode s && !isQuoted() && Tag.BOOL.equals(node.getTag())) {
            return Optional.of(Boolean.parseBoolean(s.getValue()));
        }
        return expected("true or false");
    }

    /** A whole decimal number written without quotes. */
    Optional<Long> integer() {
        if (node instanceof ScalarNode s && !isQuoted() && s.getValue().matches("[-+]?[0-9]+")) {
            try {
                return Optional.of(Long.parseLong(s.getValue()));
            } catch (NumberFormatException e) {
                fail("%s is too large: %s".formatted(name, s.getValue()));
                return Optional.empty();
            }
        }
        return expected("an integer");
    }

    /** A whole number within [min, max]. */
    Optional<Long> integer(long min, long max) {
        String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        return integer().filter(n -> (n >= min && n <= max)
                || fail("%s must be %s, was %d".formatted(name, range, n)));
    }

    /** An ISO-8601 duration such as PT1H, within [min, max]. */
    Optional<Duration> duration(Duration min, Duration max) {
        return string().flatMap(text -> {
            Duration d;
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                fail("%s must be an ISO-8601 duration such as PT1H or P1D, was '%s'".formatted(name, text));
                return Optional.empty();
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                fail("%s must be between %s and %s, was %s".formatted(name, iso(min), iso(max), text));
                return Optional.empty();
            }
            return Optional.of(d);
        });
    }

    /** The items of a list, each named "{@code 'name' item}". */
    Optional<List<YamlValue>> list() {
        if (node instanceof SequenceNode seq) {
            List<YamlValue> items = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) {
                items.add(new YamlValue(item, "'" + unquoted(name) + "' item", problems));
            }
            return Optional.of(items);
        }
        return expected("a list");
    }

    /** A mapping whose keys must all be among {@code keys}; unknown and duplicate keys are recorded. */
    Optional<YamlMap> map(String... keys) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(YamlMap.of(this, mapping, List.of(keys)));
        }
        return expected("a mapping");
    }

    /**
     * The value of one key of a mapping, looked at before the mapping is read, so that one key (a
     * {@code type}) can choose which keys the mapping may have. Nothing is recorded: empty when this is
     * not a mapping or the key is not written (reading the mapping then reports it).
     */
    Optional<YamlValue> peek(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(new YamlValue(tuple.getValueNode(), "'" + key + "'", problems));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A mapping whose keys are free (tags, extension names): each plain-text key with its value, in the
     * order written, each value named "{@code 'key'}". Keys that are not plain text and duplicate keys
     * are recorded.
     */
    Optional<Map<String, YamlValue>> entries() {
        if (!(node instanceof MappingNode mapping)) {
            return expected("a mapping");
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int keyLine = YamlDocument.line(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || Tag.NULL.equals(key.getTag())) {
                problems.add(keyLine, "a key of %s must be plain text".formatted(name));
                continue;
            }
            YamlValue previous = entries.get(key.getValue());
            if (previous != null) {
                problems.add(keyLine, "duplicate key '%s' (first given on line %d)".formatted(key.getValue(),
                        previous.line()));
                continue;
            }
            entries.put(key.getValue(), new YamlValue(tuple.getValueNode(), "'" + key.getValue() + "'", problems));
        }
        return Optional.of(entries);
    }

    /**
     * The value as a tree of maps, lists, strings and booleans (whole numbers as longs), for free-form
     * documents; empty values are refused.
     */
    Optional<Object> tree() {
        if (node instanceof MappingNode) {
            return entries().flatMap(entries -> {
                Map<String, Object> tree = new LinkedHashMap<>();
                boolean valid = true;
                for (Map.Entry<String, YamlValue> e : entries.entrySet()) {
                    Optional<Object> value = e.getValue().tree();
                    value.ifPresent(v -> tree.put(e.getKey(), v));
                    valid &= value.isPresent();
                }
                return valid ? Optional.of(tree) : Optional.empty();
            });
        }
        if (node instanceof SequenceNode) {
            return list().flatMap(items -> {
                List<Object> tree = new ArrayList<>();
                boolean valid = true;
                for (YamlValue item : items) {
                    Optional<Object> value = item.tree();
                    value.ifPresent(tree::add);
                    valid &= value.isPresent();
                }
                return valid ? Optional.of(tree) : Optional.empty();
            });
        }
        if (!isQuoted() && Tag.BOOL.equals(node.getTag())) {
            return bool().map(Object.class::cast);
        }
        if (!isQuoted() && Tag.INT.equals(node.getTag())) {
            return integer().map(Object.class::cast);
        }
        return string().map(Object.class::cast);
    }

    /** Whole days as P90D rather than PT2160H, as people write them. */
    static String iso(Duration d) {
        return d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays())) ? "P" + d.toDays() + "D" : d.toString();
    }

    private <T> Optional<T> expected(String what) {
        fail("expected %s for %s, found %s".formatted(what, name, describe()));
        return Optional.empty();
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "an empty value";
        }
        String text = ((ScalarNode) node).getValue();
        if (isQuoted() || Tag.STR.equals(node.getTag())) {
            return "the string '" + text + "'";
        }
        if (Tag.INT.equals(node.getTag())) {
            return "the integer " + text;
        }
        if (Tag.FLOAT.equals(node.getTag())) {
            return "the number " + text;
        }
        if (Tag.BOOL.equals(node.getTag())) {
            return "the boolean " + text;
        }
        return "'" + text + "'";
    }

    private static String unquoted(String name) {
        return name.startsWith("'") && name.endsWith("'") ? name.substring(1, name.length() - 1) : name;
    }
}
