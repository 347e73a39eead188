package dev.gatehouse.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems found in one configuration source. Reading goes on after a problem so that one run
 * reports everything that is wrong; {@link #throwIfAny()} then raises them together, ordered by line.
 */
final class Problems {
    private record Problem(int line, String message) {
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** Records a problem at a 1-based line. Always returns false, so that it can end a validity check. */
    boolean add(int line, String message) {
        problems.add(new Problem(line, message));
        return false;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** A single problem that stops reading at once (the file cannot be read or parsed). */
    ConfigException fatal(int line, String message) {
        add(line, message);
        return exception();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw exception();
        }
    }

    private ConfigException exception() {
        return new ConfigException(problems.stream()
                .sorted(Comparator.comparingInt(Problem::line))
                .map(p -> source + ":" + p.line() + ": " + p.message())
                .collect(Collectors.joining("\n")));
    }
}
