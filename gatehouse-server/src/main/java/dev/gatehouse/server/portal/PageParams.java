package dev.gatehouse.server.portal;

import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.server.http.QueryParams;
import io.undertow.server.HttpServerExchange;

/** The paging members of the list operations: {@code next_token} and {@code max_result}. */
final class PageParams {
    private PageParams() {
    }

    static PageRequest read(HttpServerExchange exchange) {
        return new PageRequest(
                QueryParams.optional(exchange, "next_token", "nextToken"),
                QueryParams.optionalInt(exchange, "max_result", "maxResults").orElse(PageRequest.DEFAULT_PAGE_SIZE));
    }
}
