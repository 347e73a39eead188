package dev.gatehouse.domain.portal;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which page to return: after the key encoded in the opaque next token, at most {@code maxResults}
 * items (1..100, default {@value #DEFAULT_PAGE_SIZE}).
 */
public record PageRequest(Optional<String> nextToken, int maxResults) {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final String CURSOR_PREFIX = "gh1:";

    public static PageRequest first() {
        return new PageRequest(Optional.empty(), DEFAULT_PAGE_SIZE);
    }

    public PageRequest {
        if (maxResults < 1 || maxResults > MAX_PAGE_SIZE) {
            throw InvalidMemberException.outOfRange("maxResults", maxResults, 1, MAX_PAGE_SIZE);
        }
    }

    /** Cuts one page out of a list sorted by {@code key}. */
    public <T> Page<T> apply(List<T> sorted, Function<T, String> key) {
        int start = 0;
        if (nextToken.isPresent()) {
            String after = decode(nextToken.get());
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + maxResults);
        Optional<String> next = end < sorted.size()
                ? Optional.of(encode(key.apply(sorted.get(end - 1))))
                : Optional.empty();
        return new Page<>(List.copyOf(sorted.subList(start, end)), next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return text.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the error below
        }
        throw GatehouseException.invalidRequest("Invalid nextToken: pass back the nextToken of the previous page unchanged");
    }
}
