package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * ListAccounts' input.
 *
 * @param accessToken the OIDC access token (sent as {@code x-amz-sso_bearer_token})
 * @param nextToken   the previous page's {@code nextToken}, or null for the first page (query {@code next_token})
 * @param maxResults  page size, 1..100, or null for the service's default (query {@code max_result})
 */
public record ListAccountsInput(String accessToken, String nextToken, Integer maxResults)
        implements PagedInput<ListAccountsInput> {
    public ListAccountsInput {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The first page, at the service's page size. */
    public static ListAccountsInput of(String accessToken) {
        return new ListAccountsInput(accessToken, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ListAccountsInput withNextToken(String nextToken) {
        return new ListAccountsInput(accessToken, nextToken, maxResults);
    }

    @Override
    public String toString() {
        return "ListAccountsInput[accessToken=" + Redact.secret(accessToken) + ", nextToken=" + nextToken
                + ", maxResults=" + maxResults + "]";
    }

    public static final class Builder extends PagedInput.Builder<Builder, ListAccountsInput> {
        private Builder() {
        }

        @Override
        public ListAccountsInput build() {
            return new ListAccountsInput(accessToken, nextToken, maxResults);
        }
    }
}
