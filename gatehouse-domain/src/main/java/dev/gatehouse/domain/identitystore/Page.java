package dev.gatehouse.domain.identitystore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list, and the token of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The first {@code size} of {@code ordered} (already started after the previous page's last id),
     * with a next token only when more follow.
     */
    /** The entries of an id-ordered list that come after {@code afterId} (all of them when it is null). */
    static <T> List<T> after(List<T> ordered, String afterId, Function<T, String> idOf) {
        if (afterId == null) {
            return ordered;
        }
        return ordered.stream().filter(item -> idOf.apply(item).compareTo(afterId) > 0).toList();
    }

    static <T> Page<T> of(Iterable<T> ordered, int size, String scope, Function<T, String> idOf) {
        List<T> items = new ArrayList<>(Math.min(size, 16));
        for (T item : ordered) {
            if (items.size() == size) {
                return new Page<>(items, Optional.of(PageToken.after(scope, idOf.apply(items.getLast()))));
            }
            items.add(item);
        }
        return new Page<>(items, Optional.empty());
    }
}
