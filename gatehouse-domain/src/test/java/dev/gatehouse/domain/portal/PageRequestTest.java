package dev.gatehouse.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    private final List<String> items = IntStream.range(0, 25).mapToObj(i -> String.format("k%02d", i)).toList();

    @Test
    void pagesCoverTheListOnceInOrder() {
        List<String> seen = new ArrayList<>();
        Optional<String> next = Optional.empty();
        int pages = 0;
        do {
            Page<String> page = new PageRequest(next, 10).apply(items, Function.identity());
            seen.addAll(page.items());
            next = page.nextToken();
            pages++;
        } while (next.isPresent());
        assertThat(seen).isEqualTo(items);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void exactFitHasNoNextToken() {
        assertThat(new PageRequest(Optional.empty(), 25).apply(items, Function.identity()).nextToken()).isEmpty();
        assertThat(new PageRequest(Optional.empty(), 10).apply(List.<String>of(), Function.identity()).items()).isEmpty();
    }

    @Test
    void boundsAndBadTokensAreInvalidRequests() {
        assertThatThrownBy(() -> new PageRequest(Optional.empty(), 0)).isInstanceOfSatisfying(GatehouseException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> new PageRequest(Optional.empty(), 101)).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> new PageRequest(Optional.of("!!"), 10).apply(items, Function.identity()))
                .hasMessageContaining("nextToken");
        assertThatThrownBy(() -> new PageRequest(Optional.of("bm9wZQ"), 10).apply(items, Function.identity()))
                .hasMessageContaining("nextToken");
    }
}
