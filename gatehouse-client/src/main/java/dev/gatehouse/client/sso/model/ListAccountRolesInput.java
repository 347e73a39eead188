package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * ListAccountRoles' input.
 *
 * @param accessToken the OIDC access token (sent as {@code x-amz-sso_bearer_token})
 * @param accountId   the account whose roles to list (query {@code account_id})
 * @param nextToken   the previous page's {@code nextToken}, or null for the first page (query {@code next_token})
 * @param maxResults  page size, 1..100, or null for the service's default (query {@code max_result})
 */
public record ListAccountRolesInput(String accessToken, String accountId, String nextToken, Integer maxResults)
        implements PagedInput<ListAccountRolesInput> {
    public ListAccountRolesInput {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** The first page, at the service's page size. */
    public static ListAccountRolesInput of(String accessToken, String accountId) {
        return new ListAccountRolesInput(accessToken, accountId, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ListAccountRolesInput withNextToken(String nextToken) {
        return new ListAccountRolesInput(accessToken, accountId, nextToken, maxResults);
    }

    @Override
    public String toString() {
        return "ListAccountRolesInput[accessToken=" + Redact.secret(accessToken) + ", accountId=" + accountId
                + ", nextToken=" + nextToken + ", maxResults=" + maxResults + "]";
    }

    public static final class Builder extends PagedInput.Builder<Builder, ListAccountRolesInput> {
        private String accountId;

        private Builder() {
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        @Override
        public ListAccountRolesInput build() {
            return new ListAccountRolesInput(accessToken, accountId, nextToken, maxResults);
        }
    }
}
