package dev.gatehouse.client.gatehouseadmin.model;

/**
 * ListAdminKeys' input.
 *
 * @param nextToken  the previous page's {@code NextToken}, or null for the first page
 * @param maxResults page size, 1..100, or null for the service's default
 */
public record ListAdminKeysInput(String nextToken, Integer maxResults) {
    public static ListAdminKeysInput first() {
        return new ListAdminKeysInput(null, null);
    }

    public ListAdminKeysInput withNextToken(String token) {
        return new ListAdminKeysInput(token, maxResults);
    }
}
